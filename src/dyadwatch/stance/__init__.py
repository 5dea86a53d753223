"""Stance and framing: each article's own tone towards the actors it discusses (with quoted
holders' stances kept apart), its genre and its persuasion markers (stage ``stance``).

Modules: ``lexicon`` (the data files), ``target`` (evaluative words to actors over the
parse), ``model`` (the small learned model), ``sentences`` (targets given by spans: training
and the sentence-level gold), ``voices`` (quotes, salience, state roll-up), ``genre``,
``persuasion``, ``outlets`` (per-outlet aggregation), ``stage``.
"""
