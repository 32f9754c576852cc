"""Exercises of ``exercises/06_governance_and_messiness.ipynb``: reading governance conditions from data.

Two networks: ``q_community`` (150 invented members of an improvement community, with rankings of
its purposes) and ``devon_stp`` (real organisation names, invented people and ties). The questions
practise the inputs of Provan & Kenis's (2008) governance forms - agreement on goals, how widely
ties are spread - and what the forms and their tensions mean for a network leader.

The leader track needs no code: predict what agreement on purpose alone would change in the
community's governance ranking (q7), rank the three forms for a small, trusting frailty network
(q8), and back two initiatives graded by how widely they spread the community's advice ties (q9, a
:class:`~netlearn.exercises.engine.Decision` computed with
:func:`netlearn.partnership.tie_concentration`, the trust reading of
:func:`netlearn.partnership.governance_inputs`). The concept questions (q4, q5) and the
reflection (q6) are on the leader track too; q1 to q3 are the analyst track.

>>> from netlearn.exercises import governance_and_messiness as ex
>>> ex.q3.evaluate("network administrative organisation").status, ex.q3.evaluate("NAO").status
('correct', 'correct')
>>> ex.q3.evaluate("shared governance").status
'incorrect'
"""

from __future__ import annotations

import netlearn
from netlearn import agreement, coaching, governance
from netlearn.governance import FORMS, GovernanceFit
from netlearn.partnership import governance_inputs, tie_concentration

from .engine import (
    ConceptQuestion,
    Decision,
    Exercise,
    ExerciseSet,
    Option,
    Prediction,
    Ranking,
    Reflection,
    Verdict,
    ____,
    close_number,
)

__all__ = ["exercises", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "____", "NEWEST",
           "INITIATIVES", "FRAILTY_NETWORK", "spread_after"]

#: The eight newest members of the community who do not yet go to the community lead for advice.
NEWEST = ("q004", "q029", "q041", "q035", "q033", "q060", "q114", "q107")

#: The initiatives of question 9: each adds advice ties (asker, asked) to the community.
INITIATIVES = (
    ("team", tuple((m, "q055") for m in NEWEST[:4]) + tuple((m, "q148") for m in NEWEST[4:])),
    ("learning set", (("q003", "q018"), ("q003", "q022"), ("q018", "q022"), ("q018", "q031"),
                      ("q022", "q031"), ("q022", "q003"), ("q031", "q003"), ("q031", "q018"))),
    ("surgery", tuple((m, "q062") for m in NEWEST)),
    ("mentors", (("q004", "q013"), ("q064", "q013"), ("q035", "q094"), ("q058", "q094"), ("q041", "q116"),
                 ("q090", "q116"), ("q021", "q128"), ("q014", "q128"))),
    ("champions", (("q050", "q043"), ("q060", "q043"), ("q058", "q108"), ("q019", "q108"), ("q021", "q047"),
                   ("q014", "q047"), ("q004", "q139"), ("q144", "q139"))),
)

#: Question 8's frailty network: trust, participants, goal consensus, need for network-level competencies.
FRAILTY_NETWORK = (0.9, 6, "high", "moderate")


def spread_after(advice, ties=()):
    """How widely advice ties are spread (``tie_concentration(...).spread``) once ``ties`` are added.

    The spread is the trust reading of :func:`netlearn.partnership.governance_inputs`: 1 when the
    best-connected tenth receive no more advice ties than chance would give them, 0 when they
    receive them all.

    >>> import networkx as nx
    >>> star = nx.DiGraph([(m, "hub") for m in "abcdefghi"])
    >>> round(spread_after(star), 2), round(spread_after(star, [("a", "b"), ("c", "d"), ("e", "f")]), 2)
    (0.0, 0.28)
    """
    graph = advice.copy()
    graph.add_edges_from(ties)
    return float(tie_concentration(graph).spread)




def _build():
    Q = netlearn.load_dataset("q_community")
    DEVON = netlearn.load_dataset("devon_stp")
    _RANKINGS = Q.tables["purpose_rankings"]
    _W = agreement.kendalls_w(_RANKINGS)
    _BY_REGION = agreement.kendalls_w_by_group(_RANKINGS, Q, attribute="region", include_all=False)
    _ADVICE = tie_concentration(Q.graph("advice"))
    _LEAD_SHARE = Q.graph("advice").in_degree(_ADVICE.top[0]) / Q.graph("advice").number_of_edges()
    _AFTER_A_YEAR = governance.governance_fit(1.0, 17, "high", "high")
    _SCORES = ", ".join(f"{form} {score:.2f}" for form, score in _AFTER_A_YEAR.table["score"].items())

    def namespace():
        """What the notebook's setup cell makes: ``netlearn``, ``agreement``, ``governance``, the partnership
    functions, ``q`` (the improvement community) and ``devon`` (the Devon partnership)."""
        return {"netlearn": netlearn, "agreement": agreement, "governance": governance,
                "governance_inputs": governance_inputs, "tie_concentration": tie_concentration, "q": Q, "devon": DEVON}

    # ---------------------------------------------------------------------- a checker for the name of a form
    _SHORT = {"nao": governance.NAO, "shared": governance.SHARED, "lead": governance.LEAD,
              "participant governed": governance.SHARED, "participant-governed": governance.SHARED,
              "lead organization": governance.LEAD, "network administrative organization": governance.NAO}

    def _form_name(answer):
        text = " ".join(str(answer).strip().lower().replace("_", " ").split())
        if text in FORMS:
            return text
        return _SHORT.get(text)

    def same_form(expected, *, feedback):
        """A checker for "which form of governance...?": the form's name, as text (short names accepted).

    ``feedback`` maps each other form to what to say about it.
    """

        def check(answer):
            if isinstance(answer, GovernanceFit):
                return Verdict(False, "You gave the whole ranking. The question asks for the name of one form: the "
                                      "best fit is `fit.best`, a piece of text.")
            if not isinstance(answer, str):
                return Verdict(False, "Give the form's name as text in quotes, such as 'shared governance', 'lead "
                                      "organisation' or 'network administrative organisation'.")
            form = _form_name(answer)
            if form is None:
                return Verdict(False, f"{answer!r} is not one of the three forms. They are: "
                                      f"{', '.join(repr(f) for f in FORMS)}.")
            if form == expected:
                return Verdict(True, "")
            return Verdict(False, feedback[form])

        return check

    q1 = Exercise(
        "q1",
        prompt="How far do the community's 150 members agree on the order of its six purposes? Compute Kendall's W "
               "over `q.tables['purpose_rankings']` and give W as a number between 0 and 1.",
        answer_name="w",
        checker=close_number(
            _W.w,
            what="Kendall's W",
            method="Kendall's W of the whole rankings table, all members together",
            shown_digits=2,                    # the result prints as "W = 0.40"
            alternatives=[
                (_W.chi2, f"{_W.chi2:.1f} is Friedman's chi-square, the test statistic that goes with W. W itself is "
                          "between 0 and 1: use the result's `.w`."),
                *[(value, f"That is W inside one region ({region}). The question asks about all members together.")
                  for region, value in _BY_REGION["w"].items()],
            ],
        ),
        hints=[
            "`agreement.kendalls_w(...)` takes the table of rankings (one row per member, one column per purpose).",
            "`agreement.kendalls_w(q.tables['purpose_rankings'])` gives a result; W is its `.w`.",
        ],
        solution="""
result = agreement.kendalls_w(q.tables["purpose_rankings"])
w = result.w
""",
        explanation=f"W = {_W.w:.3f}: the members share a moderate sense of what the community is for, far more than "
                    "chance would give, but far from one voice. `governance_inputs` reads this as 'moderate' goal "
                    "consensus.",
        why="Provan & Kenis link shared governance to high goal consensus. A W around 0.4 says that shared governance "
            "would need more work on purpose first, and that one priority (influencing policy) divides the members.",
        wrong_answers=[
            (_W.chi2, "Friedman's chi-square"),
            (float(_BY_REGION.loc["North", "w"]), "inside one region"),
            (_W.w * 100, "percentage"),
        ],
    )

    q2 = Exercise(
        "q2",
        prompt="In the community's **advice** network, what share of all advice ties do the best-connected tenth of "
               "members receive? Use `tie_concentration` and give the share as a number between 0 and 1.",
        answer_name="advice_share",
        checker=close_number(
            _ADVICE.share,
            what="the share of advice ties the top tenth receive",
            method="the `.share` of `tie_concentration` on the advice relation",
            shown_digits=2,
            alternatives=[
                (_ADVICE.spread, f"{_ADVICE.spread:.3f} is the *spread* (1 = as even as chance, 0 = all through the top "
                                 "few). The question asks for the *share* of ties they receive: use `.share`."),
                (_ADVICE.expected_share, "That is the share the top tenth would receive if advice ties fell at random. "
                                         "The question asks what they actually receive: use `.share`."),
                (_LEAD_SHARE, "That is the share of advice ties received by the community lead alone. The question "
                              "asks about the top tenth of members together."),
                *[(tie_concentration(Q.graph(relation)).share,
                   f"That is the share for the top tenth on the '{relation}' relation. The question is about advice: "
                   "use `q.graph('advice')`.") for relation in Q.relation_names if relation != "advice"],
            ],
        ),
        hints=[
            "`tie_concentration(G)` ranks members by the ties they receive and looks at the top tenth.",
            "Use the advice relation: `tie_concentration(q.graph('advice'))`, and read its `.share`.",
        ],
        solution="""
result = tie_concentration(q.graph("advice"))
advice_share = result.share
""",
        explanation=f"The top {len(_ADVICE.top)} of 150 members receive {_ADVICE.share:.1%} of the advice ties; if ties "
                    f"fell at random they would receive about {_ADVICE.expected_share:.0%}. The community lead alone "
                    f"receives {_LEAD_SHARE:.0%}.",
        why="Half the advice runs to a tenth of the members, so trust (as far as advice shows it) is only moderately "
            "spread. That points away from purely shared governance, and towards a form in which someone holds the "
            "centre while members keep watch.",
        wrong_answers=[
            (_ADVICE.spread, "is the *spread*"),
            (_LEAD_SHARE, "community lead alone"),
            (tie_concentration(Q.graph("knows")).share, "on the 'knows' relation"),
            (tie_concentration(Q.graph("leadership")).share, "on the 'leadership' relation"),
            (_ADVICE.share * 100, "percentage"),
        ],
    )

    q3 = Exercise(
        "q3",
        prompt="Imagine the Devon partnership after a year of working well together: trust is high and widely spread "
               "(1.0) and the partners agree strongly on their goals ('high'). It still has 17 organisations and still "
               "needs high network-level competencies ('high'). Which form of governance fits best now? Give its name "
               "as text.",
        answer_name="best_form",
        checker=same_form(
            _AFTER_A_YEAR.best,
            feedback={
                governance.SHARED: "Trust and goal consensus now point to shared governance, but 17 organisations are "
                                   "more than a few, and a high need for network-level skills asks for someone whose job "
                                   "is the network. Rank all four conditions, not two.",
                governance.LEAD: "A lead organisation suits trust that is low and concentrated on it, and only moderate "
                                 "agreement on goals. Here trust is high and widely spread.",
            },
        ),
        hints=[
            "`governance.governance_fit(trust, participants, goal_consensus, competencies_needed)` ranks the three "
            "forms; trust can be a number from 0 to 1.",
            "`governance.governance_fit(1.0, 17, 'high', 'high').best` is the form at the top.",
        ],
        solution="""
fit = governance.governance_fit(1.0, 17, "high", "high")
best_form = fit.best
""",
        explanation=f"The fit scores are {_SCORES}. "
                    "Shared governance gains on trust and goals, but the number of organisations and the need for "
                    "network-level skills keep a network administrative organisation ahead.",
        why="Good relationships do not make a dedicated team unnecessary when the work is big and complex; they make it "
            "easier for members to keep that team accountable. Provan & Kenis expect growing networks to move towards "
            "an NAO, not away from it.",
        wrong_answers=[
            ("shared governance", "Rank all four conditions"),
            ("lead organisation", "low and concentrated"),
            (_AFTER_A_YEAR, "whole ranking"),
            ("a steering group", "not one of the three forms"),
        ],
    )

    q4 = ConceptQuestion(
        "q4",
        prompt="A regional diabetes network has 12 member organisations. Two large trusts distrust each other, but both "
               "trust the small team the network funds. Members broadly agree on the goals, and the network must bid "
               "for money, manage shared data and report to commissioners. Which form of governance is most likely to "
               "fit?",
        options=[
            Option("Shared governance: the twelve members take every decision together at a monthly meeting, so that "
                   "no one organisation dominates.",
                   False,
                   "Shared governance needs high trust spread among all members and few participants. Two members "
                   "who distrust each other, and twelve around the table, make every joint decision slow and "
                   "fragile."),
            Option("A network administrative organisation: the funded team runs the network day to day, overseen by "
                   "the members.",
                   True,
                   "Moderate trust that members place in a neutral body, a moderate number of members, fairly high "
                   "agreement on goals and a high need for network-level skills (bids, data, reporting) are the "
                   "conditions Provan & Kenis link to an NAO."),
            Option("A lead organisation: the larger of the two trusts hosts the network and runs it on everyone's "
                   "behalf, as it has the most staff.",
                   False,
                   "The other trust, which does not trust it, would see the network as its rival's project and step "
                   "back: the internal legitimacy a lead organisation struggles to keep."),
            Option("Light-touch governance: keep decisions informal, and let members sort out bids, data and reports "
                   "as each need arises.",
                   False,
                   "Informal arrangements suit a small network at its start, but one that must bid for money and "
                   "manage data needs someone accountable. Too little governance fails as surely as too much."),
        ],
        why="Match the form to the conditions, not to habit: the same network might have started with shared "
            "governance when it had five members who knew each other well.",
    )

    q5 = ConceptQuestion(
        "q5",
        prompt="Your network has just set up a small network team (an NAO). Which of these help stop its governance "
               "turning the network back into a hierarchy?",
        multiple=True,
        options=[
            Option("The team signs off every project before members may start it, so that no effort is wasted on "
                   "duplicate work.",
                   False,
                   "Approval gates make the team a line manager. Members stop experimenting, and the untidy work "
                   "that makes networks useful dries up."),
            Option("Members, not the team, agree the purpose and the priorities, and review them every year.",
                   True,
                   "Purpose stays with the members; the team serves it. This keeps internal legitimacy and stops the "
                   "team setting its own agenda."),
            Option("Members can start small tests of their own ideas and report what they learned, including what "
                   "failed.",
                   True,
                   "This keeps flexibility and a safe space to try things, the messiness a network needs, while the "
                   "team provides the stability."),
            Option("All communication between members goes through the team, so that messages stay consistent and "
                   "nobody is left out.",
                   False,
                   "Routing every tie through the centre recreates a hierarchy and makes the team a bottleneck: the "
                   "network's value lies in members' ties with each other."),
            Option("Leadership roles in the work rotate among members, and the team connects people rather than "
                   "doing the work.",
                   True,
                   "Distributed leadership guards against members leaving the network's work to the team, a risk "
                   "Provan & Kenis name for this form."),
        ],
        why="Governance gives a network the confidence, resilience and permission to act; it should not take away the "
            "members' ownership of the purpose, or their freedom to try things that might not work.",
    )

    # ---------------------------------------------------------------------- the leader track
    _PEOPLE = Q.members.set_index("id")
    _ADVICE_GRAPH = Q.graph("advice")
    _ASKED = dict(_ADVICE_GRAPH.in_degree())

    def _name(member):
        return str(_PEOPLE.loc[member, "name"])

    def _names(members):
        names = [_name(m) for m in members]
        return ", ".join(names[:-1]) + " and " + names[-1]

    _Q_INPUTS = governance_inputs(Q, relation="advice")
    _NOW = _Q_INPUTS.fit()
    _AGREED = _Q_INPUTS.fit(goal_consensus="high")

    def _consensus_outcome():
        if _AGREED.best == governance.SHARED:
            return 0
        if _AGREED.best == governance.LEAD:
            return 1
        return 2 if not _AGREED.table["score"].sort_index().equals(_NOW.table["score"].sort_index()) else 3

    def _scores(fit):
        return ", ".join(f"{form} {score:.2f}" for form, score in fit.table["score"].items())

    q7 = Prediction(
        "q7",
        prompt=f"Predict first. The community's {_Q_INPUTS.values()['participants']} members agree only moderately "
               "on what it is for (Kendall's W about 0.4), and a network administrative organisation fits it best. "
               "Suppose a year of work on purpose brought them to **strong** agreement, and nothing else changed. "
               "What happens to the governance ranking?",
        options=["Shared governance moves to the top: members who agree can govern together",
                 "A lead organisation moves to the top: agreement makes one member's lead acceptable",
                 "A network administrative organisation stays on top; the lead organisation loses ground and "
                 "shared governance closes in",
                 "Nothing changes at all: agreement on goals is not one of the conditions"],
        answer=_consensus_outcome,
        reveal=lambda: (f"with moderate agreement the fit scores are {_scores(_NOW)}; with strong agreement they are "
                        f"{_scores(_AGREED)}. Strong agreement favours shared governance and counts against a lead "
                        f"organisation, but {_Q_INPUTS.values()['participants']} members are far too many to take "
                        "every decision together, so a dedicated team still fits best."),
        hints=["Provan & Kenis link four conditions to each form: trust, the number of participants, goal "
               "consensus and the need for network-level skills. Which of them changes here?",
               "Shared governance needs high goal consensus, but also few participants. How many does this "
               "community have?"],
        explanation="The library keeps trust, size and the need for network-level skills as the data read them and "
                    "sets goal consensus to high (`governance_inputs(q).fit(goal_consensus='high')`).",
        wrong_answers=[(0, "What the data show"), (3, "The result matches C")],
        why="Work on purpose is never wasted, but it does not by itself let a large community govern itself as "
            "a committee of the whole: size and the work to be done still ask for someone whose job is the network.",
    )

    _FRAILTY = governance.governance_fit(*FRAILTY_NETWORK)
    _RANKED_FORMS = (governance.LEAD, governance.SHARED, governance.NAO)

    q8 = Ranking(
        "q8",
        prompt="Six organisations in one place set up a frailty network. They have worked together for years, so "
               "trust is high and widely spread (0.9); they agree strongly on what the network is for; and the work "
               "needs only a moderate level of network-level skills (some shared data, no joint budget). Rank the "
               "three forms of governance from the best fit (first) to the worst.",
        options=["A lead organisation: the community health trust hosts the network and runs it for everyone",
                 "Shared governance: the six organisations take decisions together, with no one in charge",
                 "A network administrative organisation: a small funded team runs the network for the six"],
        values=lambda: [float(_FRAILTY.table.loc[form, "score"]) for form in _RANKED_FORMS],
        describe=lambda score: f"fit score {score:.2f} of 1",
        tolerance=0.005,
        note=lambda: ("Few members, high trust spread among them and strong agreement are the conditions Provan & "
                      "Kenis link to shared governance. A lead organisation fits worst: it suits trust that is low "
                      "or centred on one member, and here it is high and spread."),
        hints=["Go through the four conditions for each form: how many participants, how trust is spread, how far "
               "they agree, and how much they must do as one.",
               "A lead organisation suits trust that is concentrated on one member. Is it, here?"],
        explanation="The library scores each form against the four conditions "
                    f"(`governance.governance_fit{FRAILTY_NETWORK}`) and ranks them by their fit scores.",
        wrong_answers=[(["C", "B", "A"], "wrong way round"), (["B", "A", "C"], "you put A above C")],
        why="A small network of partners who trust each other can keep governance light: a dedicated team or a "
            "host organisation would add cost and take ownership away from the members.",
    )

    _OPTION_TEXT = {
        "team": f"Set up a network team of two, {_name('q055')} and {_name('q148')} (already asked for advice by "
                f"{_ASKED['q055']} and {_ASKED['q148']} members), to answer the questions of the eight newest members.",
        "learning set": f"Start a learning set of four members from four regions, {_names(('q003', 'q018', 'q022', 'q031'))}, "
                        "each asked for advice by one person today: each goes to two of the others for advice.",
        "surgery": f"Run a weekly surgery where the eight newest members bring their questions to the community lead, "
                   f"{_name('q062')}.",
        "mentors": f"Ask four experienced members nobody goes to for advice yet, {_names(('q013', 'q094', 'q116', 'q128'))}, "
                   "each to mentor two of the newest members in their region.",
        "champions": f"Name regional champions, {_names(('q043', 'q108', 'q047', 'q139'))} (each already asked by "
                     "ten or more), each to take on two new members from their region.",
    }

    def _ties_of(combo):
        return [tie for i in combo for tie in INITIATIVES[i][1]]

    _TOP_TENTH = set(_ADVICE.top)

    def _initiative_insight(combo):
        ties = _ties_of(combo)
        to_top = sum(1 for _, asked in ties if asked in _TOP_TENTH)
        text = (f"Of the {len(ties)} new advice ties in your choice, {to_top} go to members already in the "
                "best-connected tenth. ")
        if to_top:
            text += ("Ties routed to the centre, to the lead or to a team or champions who are already much asked, "
                     "make the network more like a hierarchy: trust, as advice shows it, gathers in fewer hands.")
        else:
            text += ("Every new tie goes to someone outside the centre, so advice, and the trust it shows, is "
                     "spread more widely: the ground on which members can later share more of the governing.")
        return text

    q9 = Decision(
        "q9",
        prompt="The community will fund a small network team next year, and you want members to be able to hold it "
               "to account and, in time, govern more of the work themselves. That needs trust spread widely, not "
               "held by a few: today the best-connected tenth receive just over half of all advice ties. You can "
               "back **two** of these initiatives this quarter. Each adds eight advice ties. Which two spread advice "
               "most widely? (Spread runs from 0, every advice tie to the best-connected tenth, to 1, as even as "
               "chance would make it.)",
        options=[_OPTION_TEXT[key] for key, _ in INITIATIVES],
        pick=2,
        consequence=lambda combo: spread_after(_ADVICE_GRAPH, _ties_of(combo)),
        describe=lambda value: f"advice is spread {value:.3f} on the 0-to-1 scale",
        baseline=lambda: spread_after(_ADVICE_GRAPH),
        baseline_label="With neither initiative",
        tolerance=0.002,
        insight=_initiative_insight,
        hints=["Where do the new ties go: to people many already ask, or to people almost nobody asks yet?",
               "Spread rises when advice goes to members outside the best-connected tenth. Look for the initiatives "
               "that make new people someone to ask."],
        explanation="For each pair of initiatives the library adds their advice ties and measures how widely advice "
                    "ties are spread (`tie_concentration(...).spread`, the trust reading of `governance_inputs`). "
                    "The best pair sends every new tie to members outside the centre.",
        wrong_answers=[(["A", "C"], "The best choice, B and D"), (["C", "E"], "already in the best-connected tenth")],
        why="Governance that keeps a network a network spreads trust and leadership: it makes more members worth "
            "asking, rather than routing everything through the centre, however well organised the centre is.",
    )

    q6 = Reflection(
        "q6",
        prompt="In a network you lead or belong to, where would a little more certainty help (a decision rule, a clear "
               "role, a budget holder), and where should you tolerate more messiness?",
        guidance="Name one thing to make clearer and one thing to leave loose on purpose. Which of the three tensions "
                 "(efficiency and inclusiveness, legitimacy inside and outside, flexibility and stability) does each "
                 "choice touch?",
        placeholder="More certainty about: ... Leave messy on purpose: ... The tension it touches: ...",
    )

    return locals()


exercises = ExerciseSet(
    "governance_and_messiness",
    number=6,
    title="Governance and messiness",
    outline={"q1": "code", "q2": "code", "q3": "code", "q4": "concept", "q5": "concept", "q6": "reflection",
             "q7": "prediction", "q8": "ranking", "q9": "decision"},
    build=_build,
)

progress = exercises.progress

coaching.enable()

# ``ex.q1``, ``ex.NET``...: built on first use, so importing this module computes nothing.
__getattr__ = exercises.module_attribute
