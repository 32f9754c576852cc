"""Exercises of ``exercises/09_q_community_at_scale.ipynb``: matching needs to offers, and knitting regions.

The network is the course's synthetic improvement community (``q_community``: 150 invented
members in six regions, loosely modelled on Q), relation ``knows``. The questions use
:mod:`netlearn.matching`: how many introductions someone needs to reach help, who else could make
an introduction, and which region is least tied to the rest. Two concept questions and a
reflection follow.

The leader track needs no code: predict how many members who need help with finding funding
already know someone who offers it (q7, from :func:`netlearn.matching.find_helpers`), rank the
members a newcomer could be put in touch with first by the helpers that brings within one
introduction (q8, graded with ``find_helpers``), and choose two introductions that knit South East
and London together, graded by how many pairs of members across the two regions are then within
one introduction of each other (q9, a :class:`~netlearn.exercises.engine.Decision` computed with
:func:`within_one_introduction`). The concept question q4 and the reflection (q6) are on the
leader track too; q1 to q3 and q5 are the analyst track.

>>> from netlearn.exercises import q_community_at_scale as ex
>>> ex.q1.evaluate(1).status, ex.q1.evaluate(____).status, ex.q1.evaluate(2).status
('correct', 'not_attempted', 'incorrect')
>>> round(within_one_introduction(ex.NET.graph("knows"), "South East", "London"), 3)
0.083
"""

from __future__ import annotations

import difflib
import numbers

import networkx as nx

import netlearn
from netlearn import coaching, matching

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
    same_set,
)

__all__ = ["exercises", "newcomer_helpers", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9",
           "within_one_introduction", "____"]

#: The introductions offered in question 9 (South East member, London member), in option order.
KNITTING = (("q102", "q117"), ("q043", "q055"), ("q022", "q061"), ("q106", "q096"), ("q113", "q062"),
            ("q104", "q107"))

#: The newcomer of question 8: a new member in the North who needs help with evaluation, and the
#: members she could be put in touch with first, in option order.
NEWCOMER = {"id": "new", "name": "Grace Adeyemi", "region": "North", "group": "North", "needs": "evaluation"}
FIRST_CONTACTS = ("q012", "q007", "q088", "q066")

#: The bands of question 7: (lowest share, highest share, option text), in option order.
KNOWN_BANDS = ((0.0, 0.25, "Fewer than a quarter"), (0.25, 0.5, "Between a quarter and a half"),
               (0.5, 0.75, "Between a half and three quarters"), (0.75, 1.01, "More than three quarters"))


def _and_names(names):
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def within_one_introduction(G, region_a, region_b, introductions=(), group="region"):
    """The share of pairs (one member of ``region_a``, one of ``region_b``) within one introduction.

    A pair is within one introduction when the two know each other or share a contact (at most
    two ties apart), after adding ``introductions`` (pairs of members who come to know each other).

    >>> import networkx as nx
    >>> G = nx.Graph([("a1", "a2"), ("b1", "b2"), ("b2", "b3")])
    >>> nx.set_node_attributes(G, {n: n[0] for n in G}, "region")
    >>> within_one_introduction(G, "a", "b"), round(within_one_introduction(G, "a", "b", [("a1", "b2")]), 3)
    (0.0, 0.667)
    """
    H = G.copy()
    H.add_edges_from(introductions)
    members_a = [n for n, value in H.nodes(data=group) if value == region_a]
    members_b = {n for n, value in H.nodes(data=group) if value == region_b}
    near = sum(len(members_b & set(nx.single_source_shortest_path_length(H, a, cutoff=2))) for a in members_a)
    return near / (len(members_a) * len(members_b))


def newcomer_helpers(G, newcomer, contact, topic):
    """The members offering ``topic`` a newcomer could reach within one introduction of ``contact``.

    ``newcomer`` is a dict of the new member's ``id`` and attributes; she joins ``G`` knowing only
    ``contact``. Uses :func:`netlearn.matching.find_helpers` with ``max_introductions=1``.

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "", "b": "", "c": "evaluation"}, "can_help_with")
    >>> nx.set_node_attributes(G, "", "needs_help_with")
    >>> sorted(newcomer_helpers(G, {"id": "new", "needs": "evaluation"}, "b", "evaluation"))
    ['c']
    >>> newcomer_helpers(G, {"id": "new", "needs": "evaluation"}, "a", "evaluation")
    []
    """
    H = G.copy()
    attributes = {k: v for k, v in newcomer.items() if k not in ("id", "needs")}
    H.add_node(newcomer["id"], **attributes, can_help_with="", needs_help_with=newcomer.get("needs", topic))
    H.add_edge(newcomer["id"], contact)
    return list(matching.find_helpers(H, newcomer["id"], topic, max_introductions=1).index)




def _build():
    NET = netlearn.load_dataset("q_community")
    _G = NET.graph("knows")
    _NAMES = NET.names()

    #: The member who asks for help in questions 1 and 2, and what they need.
    ASKER, TOPIC = "q031", "finding funding"
    _HELPERS = matching.find_helpers(_G, ASKER, TOPIC)
    _NEAREST = int(_HELPERS["introductions"].min())
    _FIRST = _HELPERS.index[0]
    _SHOWN_INTRODUCER = _HELPERS.iloc[0]["path"][1]
    _INTRODUCERS = set(nx.common_neighbors(_G, ASKER, _FIRST))
    _ASKER_CONTACTS = set(_G[ASKER])

    _BETWEEN = matching.ties_between_groups(_G, "region")
    _TO_OTHERS = {region: int(_BETWEEN.loc[region].sum() - _BETWEEN.loc[region, region]) for region in _BETWEEN.index}
    _INSIDE = {region: int(_BETWEEN.loc[region, region]) for region in _BETWEEN.index}
    _LEAST_TIED = min(_TO_OTHERS, key=_TO_OTHERS.get)
    _FEWEST_INSIDE = min(_INSIDE, key=_INSIDE.get)

    def namespace():
        """What the notebook's setup cell makes: ``netlearn``, ``nx``, ``matching``, ``net`` and ``G``."""
        return {"netlearn": netlearn, "nx": nx, "matching": matching, "net": NET, "G": NET.graph("knows")}

    def _who(member):
        return f"{_NAMES[member]} ({member})"

    # ---------------------------------------------------------------------- question 1
    q1 = Exercise(
        "q1",
        prompt=f"{_who(ASKER)} would like help with {TOPIC}. How many introductions would she need to reach the "
               "nearest member who offers it? Give a number.",
        answer_name="introductions_needed",
        checker=close_number(
            _NEAREST,
            what="the number of introductions",
            method="the `introductions` column of the first row of the helpers table",
            alternatives=[
                (_NEAREST + 1, f"That counts the ties along the chain. {_NAMES[ASKER]} → introducer → helper is "
                               f"{_NEAREST + 1} ties, but only {_NEAREST} introduction: the person in the middle makes "
                               "it. The `introductions` column counts introductions."),
                (0, f"0 would mean {_NAMES[ASKER]} already knows someone who offers help with {TOPIC}. Look at the "
                    "`introductions` column of the first row."),
                (len(_HELPERS), f"{len(_HELPERS)} is how many helpers are within two introductions (the number of "
                                "rows). The question asks how many introductions the nearest one needs."),
                (int(_HELPERS.attrs["offered_by"]), f"{_HELPERS.attrs['offered_by']} is how many members offer help "
                                                    f"with {TOPIC} altogether. The question asks how many introductions "
                                                    "the nearest one needs."),
            ],
        ),
        hints=[
            f"`matching.find_helpers(G, '{ASKER}', '{TOPIC}')` makes the table of helpers, nearest first. Run it in a "
            "new cell and look at the first row.",
            "The `introductions` column says how many introductions each helper needs: 0 already known, 1 a friend "
            "of a friend. The table is sorted, so the first row is the nearest.",
            "`table['introductions'].min()` gives the smallest number in that column.",
        ],
        solution=f"""
table = matching.find_helpers(G, "{ASKER}", "{TOPIC}")
introductions_needed = int(table["introductions"].min())
""",
        explanation=f"`find_helpers` searches outwards from {_NAMES[ASKER]} and lists everyone who offers help with "
                    f"{TOPIC}, nearest first. She knows nobody who offers it herself, but several friends of friends "
                    f"do: the nearest needs {_NEAREST} introduction.",
        why=f"{_HELPERS.attrs['offered_by']} members offer help with {TOPIC}, and one introduction would put "
            f"{_NAMES[ASKER]} in touch with one of them. In a large community, help is rarely far away; what is "
            "missing is knowing who to ask, and someone willing to make the introduction.",
        wrong_answers=[
            (_NEAREST + 1, "counts the ties along the chain"),
            (0, "already knows someone"),
            (len(_HELPERS), "how many helpers are within two introductions"),
            (str(_NEAREST), "without quotes"),
        ],
    )

    # ---------------------------------------------------------------------- question 2
    q2 = Exercise(
        "q2",
        prompt=f"The first helper in that table is {_who(_FIRST)}. Who could introduce {_NAMES[ASKER]} to her? Give "
               "**every** member who knows them both, as a list or a set of ids.",
        answer_name="introducers",
        checker=same_set(
            _INTRODUCERS,
            members=NET,
            what="people who know them both",
            alternatives=[
                ({_SHOWN_INTRODUCER}, f"{_who(_SHOWN_INTRODUCER)} is the introducer the table shows, but the `routes` "
                                      f"column says there are {len(_INTRODUCERS)} ways in. Find everyone who knows both "
                                      "of them."),
                (_ASKER_CONTACTS, f"Those are all the people {_NAMES[ASKER]} knows. Keep only those who also know "
                                  f"{_NAMES[_FIRST]}."),
                (_INTRODUCERS | {ASKER, _FIRST}, f"{_NAMES[ASKER]} and {_NAMES[_FIRST]} are the two people being "
                                                 "introduced, not introducers: leave them out."),
            ],
        ),
        hints=[
            "An introducer is someone who knows both people: a contact the two have in common.",
            f"`set(G['{ASKER}'])` is everyone {_NAMES[ASKER]} knows; `set(G['{_FIRST}'])` everyone {_NAMES[_FIRST]} "
            "knows. The `&` operator keeps what two sets share.",
            f"`set(nx.common_neighbors(G, '{ASKER}', '{_FIRST}'))` does it in one step.",
        ],
        solution=f"""
introducers = set(G["{ASKER}"]) & set(G["{_FIRST}"])
""",
        explanation=f"An introducer must know both people, so the answer is the contacts {_NAMES[ASKER]} and "
                    f"{_NAMES[_FIRST]} share. There are {len(_INTRODUCERS)}: the same number as the `routes` column of "
                    "the table.",
        why=f"With {len(_INTRODUCERS)} possible introducers, the connection does not depend on one person being "
            "willing, available or well. The table lists one chain; the routes column tells you how many others "
            "there are, so a leader can spread the asking around.",
        wrong_answers=[
            ({_SHOWN_INTRODUCER}, "is the introducer the table shows"),
            (_ASKER_CONTACTS, "all the people"),
            (_INTRODUCERS | {ASKER, _FIRST}, "not introducers"),
            (len(_INTRODUCERS), "not how many"),
        ],
    )

    # ---------------------------------------------------------------------- question 3
    def _fewest_inside_feedback():
        text = (f"{_FEWEST_INSIDE} has the fewest ties *inside* it ({_INSIDE[_FEWEST_INSIDE]}), but "
                f"{_TO_OTHERS[_FEWEST_INSIDE]} ties to other regions")
        if _TO_OTHERS[_FEWEST_INSIDE] == max(_TO_OTHERS.values()):
            text += ", more than any other region"
        return text + ". The question is about ties to other regions: leave out the diagonal of the table."

    class _RegionChecker:
        """Reads one region name (capitals and extra spaces forgiven) and compares it."""

        def __init__(self, expected, regions, alternatives):
            self.expected = expected
            self.regions = list(regions)
            self.alternatives = alternatives

        def _read(self, answer):
            if isinstance(answer, numbers.Number):
                raise ValueError(f"You gave a number ({answer}). The question asks which region: give its name in "
                                 f"quotes, such as '{self.regions[0]}'.")
            if isinstance(answer, (list, tuple, set, frozenset)):
                items = list(answer)
                if len(items) == 1:
                    return self._read(items[0])
                raise ValueError(f"You gave {len(items)} items. The question asks for one region: the single one with "
                                 "the fewest ties to the others.")
            if not isinstance(answer, str):
                raise ValueError(f"You gave a value of type {type(answer).__name__}. Give the region's name in quotes, "
                                 f"such as '{self.regions[0]}'.")
            text = " ".join(answer.split())
            for region in self.regions:
                if region.casefold() == text.casefold():
                    return region
            close = difflib.get_close_matches(text, self.regions, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise ValueError(f"'{text}' is not one of the regions.{hint} The regions are: {', '.join(self.regions)}.")

        def __call__(self, answer):
            try:
                region = self._read(answer)
            except ValueError as problem:
                for wrong, feedback in self.alternatives:
                    if answer == wrong:
                        return Verdict(False, feedback)
                return Verdict(False, str(problem))
            if region == self.expected:
                return Verdict(True, "")
            for wrong, feedback in self.alternatives:
                if region == wrong:
                    return Verdict(False, feedback)
            return Verdict(False, f"{region} has {_TO_OTHERS[region]} ties to other regions. One region has fewer.")

    q3 = Exercise(
        "q3",
        prompt="Which region has the fewest `knows` ties to members of **other** regions? Give its name in quotes, "
               "such as 'North'.",
        answer_name="least_tied_region",
        checker=_RegionChecker(
            _LEAST_TIED,
            _BETWEEN.index,
            alternatives=[
                (_FEWEST_INSIDE, _fewest_inside_feedback()),
                (_TO_OTHERS[_LEAST_TIED], f"{_TO_OTHERS[_LEAST_TIED]} is the number of ties. The question asks which "
                                          "region has them: give its name."),
            ],
        ),
        hints=[
            "`matching.ties_between_groups(G, 'region')` counts the ties between every two regions; the diagonal holds "
            "the ties inside each region.",
            "For one region, the ties to other regions are its row's total minus the diagonal: "
            "`table.loc['North'].sum() - table.loc['North', 'North']`.",
            "Do that for every region in a dict, then `min(to_others, key=to_others.get)` picks the smallest.",
        ],
        solution="""
table = matching.ties_between_groups(G, "region")
to_others = {region: table.loc[region].sum() - table.loc[region, region] for region in table.index}
least_tied_region = min(to_others, key=to_others.get)
""",
        explanation=f"Adding up a row of `ties_between_groups` and taking away the diagonal leaves the ties from that "
                    f"region to all the others. {_LEAST_TIED} has {_TO_OTHERS[_LEAST_TIED]}, against "
                    f"{min(v for r, v in _TO_OTHERS.items() if r != _LEAST_TIED)} or more for every other region.",
        why=f"Good ideas reach {_LEAST_TIED} through few ties, and its own ideas leave through the same few. That is "
            "why `suggest_introductions` proposes introductions into it first.",
        wrong_answers=[
            (_FEWEST_INSIDE, "fewest ties *inside*"),
            (_TO_OTHERS[_LEAST_TIED], "is the number of ties"),
            ("Sout East", "Did you mean 'South East'?"),
            ([_LEAST_TIED, _FEWEST_INSIDE], "one region"),
        ],
    )

    # ---------------------------------------------------------------------- question 4
    q4 = ConceptQuestion(
        "q4",
        prompt="You help to lead a community of about 4,500 members across the UK. Which of these are good ways to use "
               "what the network shows? Tick all that apply.",
        multiple=True,
        options=[
            Option("Ask members what they can offer and what they need, then suggest introductions along short chains "
                   "of people who already know each other.",
                   True,
                   "This matches needs to offers, and every link in the chain is a relationship that already exists, "
                   "so the introduction arrives with some trust attached."),
            Option("Route every request for help through the best-connected member, since they know the most people.",
                   False,
                   "One person would become a bottleneck and soon be worn out; requests would stall whenever they are "
                   "busy. Spreading introductions over many people keeps the community working."),
            Option("Introduce members from two regions that have hardly any ties between them, choosing people who are "
                   "well connected at home.",
                   True,
                   "This bridges a structural hole: what one region learns can now reach the other, and spread there "
                   "through the new contact's own ties."),
            Option("Publish a ranked list of every member's betweenness so that members can see who matters most.",
                   False,
                   "A league table of positions turns a map for conversation into a verdict on people, and a position "
                   "in the network says nothing about what someone contributes."),
            Option("Check with the helper and the introducers before making an introduction.",
                   True,
                   "Introductions are favours. Asking first respects people's time and makes it more likely the "
                   "conversation happens."),
        ],
        why="At scale, a leader cannot know everyone, but can knit people together: by matching needs to offers, by "
            "bridging the gaps between groups, and by sharing the work of introducing across many people.",
    )

    # ---------------------------------------------------------------------- question 5
    q5 = ConceptQuestion(
        "q5",
        track="analyst",   # about the cost of computing, for whoever runs the code
        prompt="In a live workshop you have a 4,500-member community loaded, and a few seconds to show a result. Which "
               "one of these should you **not** run live?",
        options=[
            Option("Everyone's number of contacts (degree).",
                   False,
                   "Counting contacts takes well under a second even for thousands of members: run it."),
            Option("The connected components (who can reach whom at all).",
                   False,
                   "Finding components visits each member and tie once: it is instant at this size."),
            Option("Plain networkx betweenness for every member.",
                   True,
                   "This is the one to avoid: it looks at shortest paths between every pair of members, so its work "
                   "grows with members times ties, and at 4,500 members it takes minutes. The role profile computes "
                   "the same exact numbers with igraph in a few seconds."),
            Option("The E-I index by region.",
                   False,
                   "The E-I index counts each tie once, inside or across regions: it is instant at this size."),
        ],
        why="Most measures a leader needs (contacts, components, ties across groups, chains of introductions) look "
            "only at each member's own ties or a small neighbourhood, so they stay quick in a community of thousands. "
            "Measures built on every pair of members are the ones that slow down.",
    )

    # ---------------------------------------------------------------------- leader track
    _REGION = nx.get_node_attributes(_G, "region")
    _FUNDING = "finding funding"
    _NEED_FUNDING = [n for n in _G if _FUNDING in matching.split_topics(_G.nodes[n]["needs_help_with"])]

    def _nearest_funding():
        nearest = {}
        for member in _NEED_FUNDING:
            table = matching.find_helpers(_G, member, _FUNDING)
            nearest[member] = int(table["introductions"].min()) if len(table) else None
        return nearest

    _NEAREST_FUNDING = _nearest_funding()
    _KNOWN_SHARE = sum(1 for d in _NEAREST_FUNDING.values() if d == 0) / len(_NEED_FUNDING)
    _ONE_AWAY = sum(1 for d in _NEAREST_FUNDING.values() if d == 1)
    _OFFER_FUNDING = int(matching.known_topics(_G).loc[_FUNDING, "offered_by"])

    q7 = Prediction(
        "q7",
        prompt=f"Predict first. {_FUNDING.capitalize()} is the community's scarcest help: {len(_NEED_FUNDING)} members "
               f"need it and only {_OFFER_FUNDING} offer it. Of the {len(_NEED_FUNDING)} who need it, what share "
               "already **know** someone who offers it, with no introduction needed?",
        options=[text for _, _, text in KNOWN_BANDS],
        answer=lambda: next(i for i, (low, high, _) in enumerate(KNOWN_BANDS) if low <= _KNOWN_SHARE < high),
        reveal=lambda: (f"{_KNOWN_SHARE:.0%} of them ({round(_KNOWN_SHARE * len(_NEED_FUNDING))} of "
                        f"{len(_NEED_FUNDING)}) already know someone who offers help with {_FUNDING}; the other "
                        f"{_ONE_AWAY} are one introduction away, and nobody needs two. Scarce help is still close: "
                        "what is missing is knowing who to ask."),
        hints=["Scarce across the community does not mean far from each member: each member knows about eight "
               "people, in a community of 150.",
               f"{_OFFER_FUNDING} offers among 150 members is about one member in five. How likely is it that none "
               "of eight contacts is among them?"],
        explanation=f"For each member who needs help with {_FUNDING}, `find_helpers` searches outwards and "
                    "reports the nearest helper; the share is those whose nearest helper needs 0 introductions.",
        wrong_answers=[(0, "What the data show"), (1, "The result matches D")],
        why="A leader who reads 'scarce' as 'far away' sets up a new scheme; one who sees the help is already "
            "close asks members to say what they need, out loud, to the people they already know.",
    )

    _NEWCOMER_HELPERS = {contact: newcomer_helpers(_G, NEWCOMER, contact, NEWCOMER["needs"])
                         for contact in FIRST_CONTACTS}
    _OFFERS_TOPIC = {c for c in FIRST_CONTACTS
                     if NEWCOMER["needs"] in matching.split_topics(_G.nodes[c]["can_help_with"])}

    def _contact(member):
        offers = f"can help with {NEWCOMER['needs']}, " if member in _OFFERS_TOPIC else ""
        return f"{_NAMES[member]} ({_REGION[member]}; {offers}knows {_G.degree(member)} members)"

    def _contact_note():
        many = max(FIRST_CONTACTS, key=_G.degree)
        offerer = sorted(_OFFERS_TOPIC)[0] if _OFFERS_TOPIC else None
        text = (f"{_NAMES[many]} knows the most people, and through them {NEWCOMER['name']} would have "
                f"{len(_NEWCOMER_HELPERS[many])} helpers within one introduction.")
        if offerer:
            text += (f" {_NAMES[offerer]} can help with {NEWCOMER['needs']} directly, which counts, but knows fewer "
                     "people who can.")
        few = min(FIRST_CONTACTS, key=lambda c: len(_NEWCOMER_HELPERS[c]))
        text += (f" {_NAMES[few]} is a kind welcome but brings no one who offers {NEWCOMER['needs']}: a good second "
                 "contact, not the first for this need.")
        return text

    q8 = Ranking(
        "q8",
        prompt=f"{NEWCOMER['name']} has just joined the community in the {NEWCOMER['region']} and would like help "
               f"with {NEWCOMER['needs']}. She knows nobody yet. You will put her in touch with one member first. "
               "Rank these four from the contact who would bring her **most** members who offer help with "
               f"{NEWCOMER['needs']} within one introduction (first) to the fewest (last).",
        options=[_contact(member) for member in FIRST_CONTACTS],
        values=lambda: [len(_NEWCOMER_HELPERS[c]) for c in FIRST_CONTACTS],
        descending=True,
        describe=lambda n: f"{n} member{'s' if n != 1 else ''} offering {NEWCOMER['needs']} within one introduction",
        note=_contact_note,
        hints=["A first contact is valuable for whom they know, as well as for what they can do themselves.",
               "Knowing many people helps only if some of them offer the help she needs: compare what each contact "
               "could open up, not only how many people they know."],
        explanation=f"For each contact, the library adds {NEWCOMER['name']} to the network knowing only that "
                    "person and runs `find_helpers` with at most one introduction: the helpers she could then reach "
                    "are the contact (if they offer the topic) and the contact's own contacts who offer it.",
        wrong_answers=[(["A", "C", "B", "D"], "you put A above C"), (["B", "C", "A", "D"], "you put B above")],
        why="Welcoming a newcomer is a chance to knit: the first introduction decides how much of the community "
            "she can reach, so match it to what she needs.",
    )

    _SE, _LONDON = "South East", "London"
    _WITHOUT = within_one_introduction(_G, _SE, _LONDON)
    _LEAD = next(n for n, leader in _G.nodes(data="formal_leader") if leader)

    def _inside(member):
        return sum(1 for m in _G[member] if _REGION[m] == _REGION[member])

    def _bridges(member):
        return any(_REGION[m] in (_SE, _LONDON) and _REGION[m] != _REGION[member] for m in _G[member])

    def _knitter(member):
        return f"{_NAMES[member]} (knows {_inside(member)} in {_REGION[member]})"

    def _knitting_insight(combo):
        chosen = [KNITTING[i] for i in combo]
        notes = ["An introduction knits two regions when each person knows many people at home and nobody in the "
                 "other region yet: then whole circles come within one introduction of each other."]
        already = [_NAMES[m] for pair in chosen for m in pair if _bridges(m)]
        if already:
            notes.append(f"{_and_names(already)} already know{'s' if len(already) == 1 else ''} someone in the other "
                         "region, so a new tie there adds less.")
        if any(_LEAD in pair for pair in chosen):
            notes.append(f"{_NAMES[_LEAD]} is the community lead, already on many routes (episode 03): asking them "
                         "to bridge once more piles the work on one person.")
        return " ".join(notes)

    q9 = Decision(
        "q9",
        prompt=f"South East and London have only {int(_BETWEEN.loc[_SE, _LONDON])} ties between them. You can make "
               "**two** introductions between a member in South East and a member in London. Which two bring the "
               "most pairs of members across the two regions within one introduction of each other?",
        options=[f"Introduce {_knitter(a)} to {_knitter(b)}" for a, b in KNITTING],
        pick=2,
        consequence=lambda combo: within_one_introduction(_G, _SE, _LONDON, [KNITTING[i] for i in combo]),
        describe=lambda share: (f"{share:.1%} of pairs (one member in South East, one in London) are within one "
                                "introduction of each other"),
        baseline=_WITHOUT,
        tolerance=0.005,
        insight=_knitting_insight,
        hints=["An introduction brings the two people's circles close: whoever either of them knows becomes one "
               "introduction away from the other.",
               "Prefer people who know many members in their own region and nobody in the other one yet; the "
               "rule of `suggest_introductions` in the lesson does the same."],
        explanation="For each pair of introductions, the library adds the two ties and counts the pairs (one member "
                    "in South East, one in London) who know each other or share a contact "
                    "(`within_one_introduction`). The best pair joins the best-connected members on each side who "
                    "do not bridge the two regions yet.",
        wrong_answers=[(["A", "C"], "The best choice, B and D"), (["C", "E"], "already know")],
        why="A few introductions between well-connected people who do not yet bridge the gap knit two regions "
            "faster than any number of introductions at the edges (Granovetter 1973; Burt 1992).",
    )

    # ---------------------------------------------------------------------- reflection
    q6 = Reflection(
        "q6",
        prompt="Think of something at work you are stuck on. Who in your own network might be able to help, and who "
               "could introduce you to them?",
        guidance="Name the topic first. Then write down one person you already know who could help, and one person "
                 "you do not know yet, with the person who could introduce you. What would make it easy for them "
                 "to say yes?",
        placeholder="The thing I am stuck on is... Someone who might help is... who I could reach through...",
    )

    return locals()


exercises = ExerciseSet(
    "q_community_at_scale",
    number=9,
    title="A large community as a network: Q",
    outline={"q1": "code", "q2": "code", "q3": "code", "q4": "concept", "q5": ("concept", "analyst"),
             "q6": "reflection", "q7": "prediction", "q8": "ranking", "q9": "decision"},
    build=_build,
)

progress = exercises.progress

coaching.enable()

# ``ex.q1``, ``ex.NET``...: built on first use, so importing this module computes nothing.
__getattr__ = exercises.module_attribute
