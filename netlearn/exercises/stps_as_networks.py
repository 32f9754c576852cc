"""Exercises of ``exercises/05_stps_as_networks.ipynb``: the Devon partnership as a network of organisations.

The data are the course's ``devon_stp`` dataset: the organisation and workstream names are real
(those of the Wider Devon STP in 2016), but **every person and every tie is invented**, and the
six NHS providers are likely partners rather than confirmed ones. The questions practise the
multi-organisation toolkit: the organisation network, a workstream's organisations, missing
sectors, and the share of patient, carer and citizen voices.

The leader track needs no code: predict how many workstreams have no patient, carer or citizen at
all (q7); invite six people to the partnership's board, graded by how many partner organisations
have someone on it or one working tie from it, with the voices present and the E-I index of the
board's ties in the feedback (q8, a :class:`~netlearn.exercises.engine.Decision`); make two
introductions that bring patient, carer and citizen members into working ties with decision-makers,
graded with :func:`netlearn.coproduction.voices_in_decisions` (q9); and tell co-production from
consultation and its neighbours on the ladder of co-production (q10). The concept question (q5) and
the reflection (q6) are on the leader track too; q1 to q4 are the analyst track.

>>> from netlearn.exercises import stps_as_networks as ex
>>> ex.q1.evaluate("rde").status, ex.q1.evaluate(____).status, ex.q1.evaluate("livewell").status
('correct', 'not_attempted', 'incorrect')
"""

from __future__ import annotations

import netlearn
from netlearn import coaching, diversity, multiorg
from netlearn.coproduction import voices_in_decisions
from netlearn.partnership import organisation_table, workstream_view, workstreams

from .engine import (
    Choice,
    ConceptQuestion,
    Decision,
    Exercise,
    ExerciseSet,
    Option,
    Prediction,
    Reflection,
    ____,
    close_number,
    same_member,
    same_set,
)

__all__ = ["exercises", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "____"]

#: The people who could be invited to the board in question 8.
BOARD_CANDIDATES = ("p035", "p063", "p051", "p107", "p050", "p094", "p029", "p085", "p021")

#: The introductions offered in question 9: (a patient, carer or citizen member, another person).
VOICE_INTRODUCTIONS = (("p029", "p035"), ("p085", "p107"), ("p108", "p020"), ("p116", "p085"),
                       ("p116", "p049"), ("p116", "p107"))

#: The options of question 7: (lowest count, highest count, option text).
SILENT_BANDS = ((0, 0, "None: every workstream has at least one"), (1, 2, "One or two"),
                (3, 4, "Three or four"), (5, 7, "Five or more"))




def _build():
    NET = netlearn.load_dataset("devon_stp")
    _O = multiorg.organisation_network(NET)
    _STRENGTH = dict(_O.degree(weight="weight"))
    _STRONGEST = max(_STRENGTH, key=_STRENGTH.get)
    _MOST_LINKS = max(dict(_O.degree).values())
    _MOST_LINKED = [o for o in _O if _O.degree(o) == _MOST_LINKS and o != _STRONGEST]
    _MENTAL_HEALTH = workstream_view(NET, "ws_mental_health")
    _SECTORS = multiorg.missing_sectors(NET)
    _GAPS = set(_SECTORS.index[_SECTORS["status"].isin(["missing", "thin"])])
    _VOICES = diversity.voices_present(NET)
    _PEOPLE = int((NET.members["kind"] == "person").sum())
    _TOP_SPANNER = multiorg.organisation_spanners(NET).index[0]

    def namespace():
        """What the notebook's setup cell makes: ``netlearn``, ``multiorg``, ``diversity``, the partnership
    functions, ``net`` (the Devon partnership) and ``O`` (its organisation network)."""
        return {"netlearn": netlearn, "multiorg": multiorg, "diversity": diversity, "workstream_view": workstream_view,
                "workstreams": workstreams, "organisation_table": organisation_table, "net": NET,
                "O": multiorg.organisation_network(NET)}

    q1 = Exercise(
        "q1",
        prompt="In the organisation network `O`, two organisations are linked by each person they share and by each "
               "tie between their people. Which organisation has the **strongest links** to the rest of the "
               "partnership: the largest total link weight, `O.degree(weight='weight')`? Give its id, such as 'dpt'.",
        answer_name="strongest",
        checker=same_member(
            _STRONGEST,
            members=_O,
            otherwise="That organisation's links add up to less than another's. Compare everyone's total link weight.",
            alternatives=[
                *[(org, f"{org} is linked to {_MOST_LINKS} organisations, as many as any, but that counts each partner "
                        "once however strong the link. The question asks for the total weight: use "
                        "`O.degree(weight='weight')`.") for org in _MOST_LINKED],
                (_TOP_SPANNER, f"{_TOP_SPANNER} is a person (the one whose ties reach most organisations), not an "
                               "organisation. The question is about the organisation network `O`, whose members are "
                               "organisations."),
                (_STRENGTH[_STRONGEST], f"{_STRENGTH[_STRONGEST]:g} is the largest total link weight. The question asks "
                                        "which organisation has it."),
            ],
        ),
        hints=[
            "An organisation's total link weight is its *weighted degree*: add up the weight of every link it has.",
            "`strengths = dict(O.degree(weight='weight'))` gives each organisation's total. "
            "`max(strengths, key=strengths.get)` picks the largest.",
            "The answer is one organisation id in quotes, such as 'dpt'. `organisation_table(net)` shows the same "
            "numbers in the `links` column, with names.",
        ],
        solution="""
strengths = dict(O.degree(weight="weight"))
strongest = max(strengths, key=strengths.get)
""",
        explanation="`O.degree(weight='weight')` adds up the weight of each organisation's links: one for each person "
                    f"it shares with a partner and one for each tie between its people and theirs. {_STRONGEST} has "
                    f"{_STRENGTH[_STRONGEST]:g}, the most.",
        why="In this invented data the big acute trust is where most cross-organisation work runs. That is where joint "
            "work already happens; a network leader also looks at the other end of the list, where partners hang on "
            "one or two links.",
        wrong_answers=[
            (_MOST_LINKED[0], "counts each partner once"),
            ("Livewell Southwest", "counts each partner once"),
            (_TOP_SPANNER, "is a person"),
            (_STRENGTH[_STRONGEST], "which organisation has it"),
        ],
    )

    q2 = Exercise(
        "q2",
        prompt="How many of the partnership's organisations have at least one person on the mental health and "
               "learning disabilities workstream (`'ws_mental_health'`)? Give a number.",
        answer_name="mh_organisations",
        checker=close_number(
            len(_MENTAL_HEALTH.organisations),
            what="the number of organisations involved",
            method="count the organisations with at least one person on that workstream",
            alternatives=[
                (len(_MENTAL_HEALTH.people), "That is the number of people on the workstream. The question asks how "
                                             "many organisations they come from."),
                (len(_MENTAL_HEALTH.absent), "That is the number of organisations with nobody on the workstream. The "
                                             "question asks for those that have someone there."),
                (_O.number_of_nodes(), "That is every organisation in the partnership. Not all of them have someone on "
                                       "this workstream."),
            ],
        ),
        hints=[
            "`workstream_view(net, 'ws_mental_health')` looks at one workstream; its `organisations` table has one row "
            "per organisation involved.",
            "`len(workstream_view(net, 'ws_mental_health').organisations)` counts the rows.",
        ],
        solution="""
view = workstream_view(net, "ws_mental_health")
mh_organisations = len(view.organisations)
""",
        explanation="The view's `organisations` table lists each organisation with at least one person on the "
                    f"workstream: {len(_MENTAL_HEALTH.organisations)} of the {_O.number_of_nodes()}. Its `absent` table "
                    f"lists the other {len(_MENTAL_HEALTH.absent)}.",
        why="A workstream on mental health without Healthwatch or the voluntary sector, and in this invented data "
            "without one of the hospital trusts and one of the councils, plans services for people whose voices and "
            "partners are not in the room.",
        wrong_answers=[
            (len(_MENTAL_HEALTH.people), "number of people"),
            (len(_MENTAL_HEALTH.absent), "with nobody on the workstream"),
            (_O.number_of_nodes(), "every organisation"),
        ],
    )

    q3 = Exercise(
        "q3",
        prompt="`multiorg.missing_sectors(net)` checks the partnership against the sectors an STP would usually "
               "bring together. Which sectors are **missing or thin** across the whole partnership? Give their names "
               "exactly as in the table's index, as a list or set.",
        answer_name="gaps",
        checker=same_set(
            _GAPS,
            what="sectors",
            alternatives=[
                (set(_SECTORS.index[_SECTORS["status"] == "missing"]),
                 "That is the sector with nobody at all. Thin sectors, present with only a few people, count too."),
                (set(_SECTORS.index[_SECTORS["status"] == "thin"]),
                 "Those are the thin sectors. Add the one that is missing altogether."),
                (set(_SECTORS.index[_SECTORS["status"] == "present"]),
                 "Those are the sectors that are present. The question asks for the others."),
            ],
        ),
        hints=[
            "Run `multiorg.missing_sectors(net)` and read the `status` column: present, thin or missing.",
            "`table = multiorg.missing_sectors(net)`, then `table.index[table['status'].isin(['missing', 'thin'])]` "
            "picks the sectors you want.",
            "Wrap it in `set(...)`. Sector names have capitals and slashes where the table has them.",
        ],
        solution="""
table = multiorg.missing_sectors(net)
gaps = set(table.index[table["status"].isin(["missing", "thin"])])
""",
        explanation="Primary care is missing: no general practice or primary care network is a member, although "
                    "primary care is one of the seven workstreams. The voluntary sector and Healthwatch are thin: "
                    "each has only a few of the 120 people (under 5%).",
        why="The masterclass urged partnerships to widen who takes part, citizens, patients and carers included. A "
            "missing or thin sector is a concrete invitation to send, and a question about why they are not there.",
        wrong_answers=[
            (set(_SECTORS.index[_SECTORS["status"] == "missing"]), "Thin sectors"),
            (set(_SECTORS.index[_SECTORS["status"] == "thin"]), "missing altogether"),
            (len(_GAPS), "not how many"),
            ("primary care, voluntary sector", "its own quotes"),
        ],
    )

    q4 = Exercise(
        "q4",
        prompt="What **share** of the partnership's **people** are patients, carers or citizens (their `stakeholder`)? "
               "Give a fraction between 0 and 1.",
        answer_name="voice_share",
        checker=close_number(
            _VOICES.share,
            what="the share of people who are patients, carers or citizens",
            method="patients, carers and citizens divided by the number of people (members whose `kind` is 'person')",
            shown_digits=3,
            alternatives=[
                (_VOICES.count, f"{_VOICES.count} is how many people are patients, carers or citizens. Divide by the "
                                "number of people to get the share."),
                (_VOICES.count / len(NET.members), f"You divided by all {len(NET.members)} members of the table, which "
                                                  "include the organisations and workstreams. Count people only: the "
                                                  "members whose `kind` is 'person'."),
            ],
        ),
        hints=[
            "`diversity.voices_present(net)` counts patients, carers and citizens among the people (members whose "
            "`kind` is 'person').",
            "Its result has a `share` attribute: `diversity.voices_present(net).share`.",
        ],
        solution="""
voice_share = diversity.voices_present(net).share
""",
        explanation=f"{_VOICES.count} of the {_PEOPLE} people are patients, carers or citizens: {_VOICES.share:.3f}, or "
                    "about 3%. `voices_present` counts people only, so organisations and workstreams do not dilute the "
                    "share.",
        why="Three in a hundred is far below one in five, the target the course uses in its examples (its own choice, not a published standard: a real partnership should agree its own). The tool also says how many "
            "more would have to join to reach it, which turns a worry into a number to discuss with partners.",
        wrong_answers=[
            (_VOICES.count, "Divide by the number of people"),
            (_VOICES.count / len(NET.members), "Count people only"),
            (_VOICES.share * 100, "percentage"),
        ],
    )

    q5 = ConceptQuestion(
        "q5",
        prompt="A colleague says: *\"An STP is a committee of chief executives with a plan to deliver. Calling it a "
               "network is spin.\"* Which replies fit the way the masterclass looked at STPs?",
        multiple=True,
        options=[
            Option("It has a planning purpose that only the whole area can serve: problems that no single organisation "
                   "in it can solve alone.",
                   True,
                   "This is the masterclass's starting point: a network earns its place when its purpose can be served "
                   "at that level and nowhere else."),
            Option("Its partners can learn from each other as peers, because none of them is in charge of the others.",
                   True,
                   "STPs were not statutory bodies, so they worked by agreement. Peer learning across organisations was "
                   "seen as the heart of such a network."),
            Option("Different members can put in more at some times and less at others, depending on the work in hand.",
                   True,
                   "Variable input is a feature of networks, not a failure: the acute trusts may lead one piece of work "
                   "and the councils another."),
            Option("Once the plan is agreed, the chair can direct each partner organisation to deliver its part.",
                   False,
                   "STPs had no powers over their partners: nobody could direct a council or a foundation trust. That "
                   "is exactly why leading them asks for network habits rather than command."),
            Option("Managing the programme well (papers, meetings, trackers) is what leading the network means.",
                   False,
                   "The masterclass repeated that network management is not network leadership. Good administration "
                   "keeps the work running; leadership gets members acting together on the purpose."),
            Option("It should widen its membership to citizens, patients, carers and others with a stake who will give "
                   "and take.",
                   True,
                   "Diversifying membership was one of the lessons the masterclass drew for STPs: those who use and "
                   "care about services belong in the network, not only those who run them."),
        ],
        why="Seeing an STP as a network changes what its leaders do: define the shared purpose, spread leadership, "
            "accept variable input, and invite in those who are missing, rather than try to command organisations "
            "that nobody commands.",
    )

    q6 = Reflection(
        "q6",
        prompt="Think of a partnership you take part in (an integrated care system, a place-based partnership, a "
               "clinical network). Who is missing from its table, and which one person could you ask to help bring "
               "them in?",
        guidance="Name the sectors or voices that are missing or thin, then the person (a spanner) who already has "
                 "ties to them. What would you ask that person to do in the next month?",
        placeholder="Missing or thin: ... The person who could help: ... What I will ask them: ...",
    )

    # ------------------------------------------------------------------ leader track
    _MEMBERS = NET.members.set_index("id")
    _ORG_NAMES = _MEMBERS["name"]
    _C = NET.graph("collaborates")
    _WS = list(workstreams(NET).index)
    _WS_NAMES = workstreams(NET)["name"]
    _WS_VOICES = {ws: workstream_view(NET, ws).voices.count for ws in _WS}
    _SILENT = [ws for ws in _WS if _WS_VOICES[ws] == 0]

    def _silent_band():
        return next(i for i, (low, high, _) in enumerate(SILENT_BANDS) if low <= len(_SILENT) <= high)

    q7 = Prediction(
        "q7",
        prompt=f"Predict first. The partnership has {_VOICES.count} patients, carers and citizens among its "
               f"{_PEOPLE} people, and {len(_WS)} workstreams. How many of the workstreams do you expect to have "
               "**no** patient, carer or citizen at all?",
        options=[text for _, _, text in SILENT_BANDS],
        answer=_silent_band,
        reveal=lambda: (f"{len(_SILENT)} of the {len(_WS)} workstreams have none: "
                        f"{', '.join(_WS_NAMES[ws] for ws in _SILENT)}. The {_VOICES.count} voices sit on only "
                        f"{len(_WS) - len(_SILENT)} workstreams, and two of them on the same one."),
        hints=[f"There are {_VOICES.count} voices and {len(_WS)} workstreams; most people sit on one to three "
               "workstreams.",
               "If each voice sat on one workstream and no two shared, how many would be left without any?"],
        explanation="The library looks at each workstream in turn (`workstream_view`) and counts its patients, "
                    "carers and citizens (`voices_present`).",
        wrong_answers=[(0, "What the data show"), (1, "The result matches C")],
        why="A partnership-wide count can hide whole pieces of work planned with no patient, carer or citizen "
            "in the room. Look workstream by workstream, where the decisions are shaped.",
    )

    _N_ORGS = int((NET.members["kind"] == "organisation").sum())

    def _board(combo):
        return [BOARD_CANDIDATES[i] for i in combo]

    def _within_reach(board):
        people = set(board) | {n for member in board for n in _C.neighbors(member)}
        return {_MEMBERS.loc[p, "organisation"] for p in people}

    def _board_reach(combo):
        return len(_within_reach(_board(combo)))

    def _candidate(person):
        row = _MEMBERS.loc[person]
        return (f"{row['name']}, {row['role']}, {_ORG_NAMES[row['organisation']]} (works with "
                f"{_C.degree(person)} {'person' if _C.degree(person) == 1 else 'people'} in the partnership)")

    def _board_insight(combo):
        board = _board(combo)
        voices = diversity.voices_present(list(_MEMBERS.loc[board, "stakeholder"]))
        ties = _C.edge_subgraph([(u, v) for u, v in _C.edges if u in board or v in board])
        ei = diversity.ei_index(ties, "sector")
        left_out = sorted(_ORG_NAMES[o] for o in set(_MEMBERS.index[_MEMBERS["kind"] == "organisation"])
                          - _within_reach(board))
        text = (f"Voices present: {voices.count} of the 6 board members {'is a patient, carer or citizen' if voices.count == 1 else 'are patients, carers or citizens'}. "
                f"The board members' working ties cross sectors with an E-I index of {ei:+.2f} (+1: every tie "
                "to another sector).")
        if left_out:
            text += f" Out of the board's reach: {', '.join(left_out)}."
        text += (" The people closest to patients and communities have few ties, so nobody else brings their "
                 "organisations to the table: only a seat on the board does.")
        return text

    q8 = Decision(
        "q8",
        prompt="The partnership is setting up a board of **six** to steer its plan. Which six would you invite, so "
               "that as many partner organisations as possible have someone on the board, or work directly with "
               "someone on it?",
        options=[_candidate(person) for person in BOARD_CANDIDATES],
        pick=6,
        consequence=_board_reach,
        describe=lambda value: (f"{value} of the {_N_ORGS} partner organisations have someone on the board or "
                                "working with a board member"),
        insight=_board_insight,
        hints=["Directors work with many people, but mostly in the same big NHS organisations and councils.",
               "Which organisations does no director work with? Who on the list could bring them in?"],
        explanation="For each board of six, the library collects the board members and everyone they work with "
                    "(`collaborates` ties) and counts their organisations. The best boards include the patient and "
                    "carer representatives and the voluntary-sector manager, whose organisations nobody else "
                    "reaches, and the mental health director, who works with people in the most organisations.",
        wrong_answers=[(["A", "B", "C", "D", "E", "F"], "Out of the board's reach"),
                       (["A", "B", "C", "F", "G", "H"], "The best choice")],
        why="A board of the best-connected directors is well connected to itself. Inviting patients, carers and the "
            "voluntary sector is how their part of the network reaches the table: a seat is the first step, and "
            "question 9 asks what comes next.",
    )

    def _introduced(combo):
        return [VOICE_INTRODUCTIONS[i] for i in combo]

    def _inside(combo):
        return voices_in_decisions(NET, introductions=_introduced(combo)).inside

    _BEFORE = voices_in_decisions(NET)

    def _pair(a, b):
        return (f"Introduce {_MEMBERS.loc[a, 'name']} ({_MEMBERS.loc[a, 'role']}) to {_MEMBERS.loc[b, 'name']} "
                f"({_MEMBERS.loc[b, 'role']}, {_ORG_NAMES[_MEMBERS.loc[b, 'organisation']]})")

    def _intro_insight(combo):
        notes = []
        for a, b in _introduced(combo):
            if _BEFORE.table.loc[a, "position"] == "works with a decision-maker":
                notes.append(f"{_MEMBERS.loc[a, 'name']} already works with a commissioner, so this introduction "
                             "does not change where a voice stands")
            elif _MEMBERS.loc[b, "role"] not in ("director", "senior manager", "commissioner"):
                notes.append(f"{_MEMBERS.loc[b, 'name']} is a {_MEMBERS.loc[b, 'role']}: a useful tie, but not to "
                             "someone who takes decisions")
        text = ("Co-production needs patients, carers and citizens inside the relationships where options are "
                "shaped and choices made, not only present.")
        if notes:
            text += " " + "; ".join(notes) + "."
        return text

    q9 = Decision(
        "q9",
        prompt=f"{_BEFORE.verdict} You can make **two** introductions this month (an introduction means the two "
               "start working together on the plan). Which two move the most patient, carer and citizen members "
               "into working ties with someone who takes decisions (a director, senior manager or commissioner)?",
        options=[_pair(a, b) for a, b in VOICE_INTRODUCTIONS],
        pick=2,
        consequence=_inside,
        describe=lambda value: (f"{value} of the {_BEFORE.total} patient, carer and citizen members "
                                f"{'works' if value == 1 else 'work'} directly with someone who takes decisions"),
        baseline=_BEFORE.inside,
        insight=_intro_insight,
        hints=["Start with the voices who work with nobody in a decision role.",
               "Introducing two voices to each other builds support, but does it bring either closer to decisions?"],
        explanation="For each pair of introductions, the library adds the working ties and counts the patients, carers "
                    "and citizens with at least one working tie to a director, senior manager or commissioner "
                    "(`voices_in_decisions`). Any two introductions that link a voice not yet connected to a "
                    "decision-maker count as best.",
        wrong_answers=[(["B", "D"], "already works with a commissioner"), (["A", "E"], "not to someone who takes")],
        why="Moving from counting voices to co-production is a matter of ties: whom patients, carers and citizens "
            "work with, on which decisions. Introductions are the network leader's tool for it.",
    )

    q10 = Choice(
        "q10",
        prompt="The partnership says it wants patients, carers and citizens to **co-produce** its prevention plan. "
               "The ladder of co-production of Think Local Act Personal runs from coercion, educating and informing, "
               "through consultation and engagement, to co-design and co-production. Which of these practices is "
               "co-production?",
        options=[
            Option("Send the draft plan to Healthwatch and the carers' network for comments, with four weeks to "
                   "reply, and publish what changed.",
                   False,
                   "Consultation: people are asked for views on something already drafted, and the partnership "
                   "decides what to do with them. Publishing what changed is good practice, but power stays where it was."),
            Option("Double the number of patient and carer seats on the prevention workstream, so their share of the "
                   "membership gets closer to the target.",
                   False,
                   "More seats raise the headcount, which helps, but the ladder is about power, not numbers: "
                   "what the people in those seats do and decide is what places them on it."),
            Option("Hold open sessions every quarter where residents raise their concerns, then the board chooses "
                   "which ones it will act on.",
                   False,
                   "Engagement: more chances to give views and some influence, but the partnership still decides "
                   "what counts."),
            Option("Patients, carers and staff define the problem together, share the decisions on the plan, and "
                   "deliver and review it jointly.",
                   True,
                   "Co-production: power is shared from defining the problem to delivering and reviewing the "
                   "result."),
            Option("Run a workshop where carers design the new service in detail, then hand the design to the "
                   "trust's project team to deliver.",
                   False,
                   "Co-design: real influence on the design, but the carers are not involved in seeing it through."),
        ],
        hints=["Ask of each practice: who decides, and at which stages are patients and carers involved?",
               "Co-design shares the design; what does co-production add?"],
        explanation="On the ladder, consultation asks for views, engagement gives more say within limits set by the "
                    "services, co-design shares the design, and co-production shares power throughout: defining, "
                    "deciding, delivering and reviewing. NHS England's (2022) statutory guidance asks integrated care "
                    "boards and trusts to involve people and communities in this spirit.",
        wrong_answers=[("A", "Consultation"), ("B", "not numbers"), ("E", "Co-design")],
        why="'Democratise the membership' becomes a practice when patients, carers and citizens share decisions, "
            "not only seats. The network view adds where they sit in the ties that shape those decisions.",
    )

    q11 = Choice(
        "q11",
        prompt="A director from a local health board in **Wales** joins your network and wants to ask of her own "
               "partnership what this notebook asks of an STP: is it a network, and whose voices are at its table? "
               "Which body plays the part there that an STP, and now an integrated care system, plays in England?",
        options=[
            Option("The integration joint board of her council area",
                   False,
                   "That is Scotland: under the Public Bodies (Joint Working) (Scotland) Act 2014, health boards and "
                   "councils delegate adult health and social care to an integration authority, often an integration "
                   "joint board."),
            Option("The regional partnership board for her area",
                   True,
                   "Yes: the Social Services and Well-being (Wales) Act 2014 and its 2015 regulations have each local "
                   "health board and the councils in its area set up a regional partnership board."),
            Option("The integrated care board for her area",
                   False,
                   "Integrated care boards and systems are England only; health and care are devolved, and Wales "
                   "joins them up in its own way."),
            Option("An area integrated partnership board",
                   False,
                   "That is Northern Ireland's arrangement, set up under the Health and Social Care Act (Northern "
                   "Ireland) 2022 and still being developed."),
        ],
        hints=["STPs and integrated care systems exist in England only.",
               "Look at the note on the four UK nations near the end of the lesson: which act is Welsh?"],
        explanation="Each nation joins health and care up in its own way: integration authorities (health and social "
                    "care partnerships) in Scotland, regional partnership boards in Wales, and an integrated care "
                    "system being built in Northern Ireland. The network questions of this episode apply to each.",
        wrong_answers=[("A", "That is Scotland"), ("C", "England only")],
        why="Q is UK-wide: a network leader who can name a colleague's partnership in their own nation's terms "
            "starts the conversation on their ground.",
    )

    return locals()


exercises = ExerciseSet(
    "stps_as_networks",
    number=5,
    title="STPs as multi-organisational networks: Devon",
    outline={"q1": "code", "q2": "code", "q3": "code", "q4": "code", "q5": "concept", "q6": "reflection",
             "q7": "prediction", "q8": "decision", "q9": "decision", "q10": "choice",
             "q11": "choice"},
    build=_build,
)

progress = exercises.progress

coaching.enable()

# ``ex.q1``, ``ex.NET``...: built on first use, so importing this module computes nothing.
__getattr__ = exercises.module_attribute
