"""Exercises of ``exercises/05_stps_as_networks.ipynb``: the Devon partnership as a network of organisations.

The data are the course's ``devon_stp`` dataset: the organisation and workstream names are real
(those of the Wider Devon STP in 2016), but **every person and every tie is invented**, and the
six NHS providers are likely partners rather than confirmed ones. The questions practise the
multi-organisation toolkit: the organisation network, a workstream's organisations, missing
sectors, and the share of patient, carer and citizen voices.

>>> from netlearn.exercises import stps_as_networks as ex
>>> ex.q1.evaluate("rde").status, ex.q1.evaluate(____).status, ex.q1.evaluate("livewell").status
('correct', 'not_attempted', 'incorrect')
"""

from __future__ import annotations

import netlearn
from netlearn import coaching, diversity, multiorg
from netlearn.partnership import organisation_table, workstream_view, workstreams

from .engine import (
    ConceptQuestion,
    Exercise,
    ExerciseSet,
    Option,
    Reflection,
    ____,
    close_number,
    same_member,
    same_set,
)

__all__ = ["exercises", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "____"]




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

    return locals()


exercises = ExerciseSet(
    "stps_as_networks",
    number=5,
    title="STPs as multi-organisational networks: Devon",
    outline={"q1": "code", "q2": "code", "q3": "code", "q4": "code", "q5": "concept", "q6": "reflection"},
    build=_build,
)

progress = exercises.progress

coaching.enable()

# ``ex.q1``, ``ex.NET``...: built on first use, so importing this module computes nothing.
__getattr__ = exercises.module_attribute
