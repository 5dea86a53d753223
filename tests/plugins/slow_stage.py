"""A test plugin: a stage that takes its time, so a run can be killed in the middle."""

import time

from dyadwatch.pipeline import register_stage


@register_stage("test_slow", requires=("text",), assigns=("metadata",))
def make_slow(config):
    def slow(art):
        time.sleep(0.05)
        art.metadata["slow"] = True
        return art
    return slow
