"""Exercises of ``exercises/07_curiosity_and_listening.ipynb``: listening instead of solving, and curiosity.

Learners rewrite a piece of advice as an open question and another as a reflection, each checked
by the active-listening coach (:mod:`netlearn.listening`); score the stress-tolerance items of
the course's practice curiosity scale (reverse-scored); answer two concept questions, on
psychological safety (Edmondson 1999) and on what the coach can and cannot tell; and reflect on
how they respond when a colleague brings a problem.

The leader track needs no code: choose which reply to send a colleague, graded by what the coach
reads in it (q7, a :class:`~netlearn.exercises.engine.Decision` computed with
:func:`netlearn.peer_consultation.listening_balance`); rank rooms by how long each consultant gets to
ask questions in peer consultation in threes (q8, computed with
:func:`netlearn.peer_consultation.plan_rounds`); and choose what the observer does when the
consultant jumps in (q9). The concept questions (q4, q5) and the reflection (q6) are on the leader
track too; q1 to q3 are the analyst track.

>>> from netlearn.exercises import curiosity_and_listening as ex
>>> ex.q1.evaluate("What have you tried so far with the practice managers?").status
'correct'
>>> ex.q1.evaluate(ex.ADVICE_1).status
'incorrect'
"""

from __future__ import annotations

from netlearn import coaching
from netlearn.diagnostics import load_instrument
from netlearn.listening import SCENARIOS, coach, rules_table
from netlearn.peer_consultation import listening_balance, plan_rounds

from .engine import (
    Choice,
    ConceptQuestion,
    Decision,
    Exercise,
    ExerciseSet,
    Option,
    Ranking,
    Reflection,
    Verdict,
    ____,
    close_number,
)

__all__ = ["exercises", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "____", "ADVICE_1",
           "ADVICE_2", "ANSWERS", "REPLIES", "ROOMS"]

#: The replies of question 7, to "The sponsors want numbers".
REPLIES = (
    "Have you thought about a simple logic model? It would give the sponsors something to hold on to.",
    "What would good look like to the sponsors?",
    "That sounds frustrating. You should ask them what decision the dashboard is for.",
    "It sounds like the value sits in relationships that a dashboard cannot see. Have I got that right?",
    "Don't worry, sponsors always say that. They'll come round once they see the stories.",
)

#: The rooms of question 8: (people, minutes available).
ROOMS = ((13, 45), (9, 60), (8, 40), (12, 45))




def _build():
    #: The advice to rewrite in question 1.
    ADVICE_1 = "Have you tried asking the practice managers to nominate a champion?"
    #: The advice to rewrite in question 2.
    ADVICE_2 = "You should take it straight to the system board."
    #: A learner's answers to the four stress-tolerance items of the practice scale (question 3).
    ANSWERS = {"st1": 2, "st2": 3, "st3": 5, "st4": 1}

    CURIOSITY = load_instrument("curiosity_practice")
    _SCALE = CURIOSITY.scale
    _REVERSED = [_SCALE.reverse(v) for v in ANSWERS.values()]
    _STRESS_TOLERANCE = sum(_REVERSED) / len(_REVERSED)
    _RAW_MEAN = sum(ANSWERS.values()) / len(ANSWERS)

    def namespace():
        """What the notebook's setup cell makes."""
        return {"coach": coach, "rules_table": rules_table, "curiosity": load_instrument("curiosity_practice"),
                "answers": dict(ANSWERS), "advice_1": ADVICE_1, "advice_2": ADVICE_2}

    def _quoted(findings):
        return ", ".join(f"\u201c{f.phrase}\u201d" for f in findings)

    def _reading(answer, original):
        """Shared first steps of the two rewriting checkers: returns (result, verdict or None)."""
        if not isinstance(answer, str):
            return None, Verdict(False, "Write your reply as text between quotes, for example "
                                        "`open_question = \"What ...?\"`.")
        if not answer.strip():
            return None, Verdict(False, "Your reply is empty: write something between the quotes.")
        if " ".join(answer.split()).lower() == original.lower():
            return None, Verdict(False, "That is the original advice, word for word. Rewrite it so that the problem "
                                        "stays with your colleague.")
        result = coach(answer)
        if result.label == "advises":
            return result, Verdict(False, _jumping_in(result))
        if result.label == "mixed":
            return result, Verdict(False, f"Part of it listens ({_quoted(result.listening)}), but it still jumps in: "
                                          f"{_quoted(result.advice)}. Leave that part out for now.")
        return result, None

    def _jumping_in(result):
        """What to say when a reply only jumps in, in the words of the rule that found it."""
        rules = {f.rule for f in result.advice}
        found = _quoted(result.advice)
        if "rebuke as a question" in rules:
            return (f"The coach reads a rebuke: {found}. It ends with a question mark, but in the room it is heard as "
                    "a judgement, as the lesson says. Ask about what happened, not about what they were thinking.")
        if rules == {"closing reassurance"}:
            return (f"The coach reads reassurance that closes the conversation down: {found}. Kindly meant, it is "
                    "still jumping in. Ask about the worry instead of answering it.")
        if rules & {"have you tried", "why don't you", "how about / what if you", "rhetorical question",
                    "leading question"}:
            return (f"The coach still reads advice: {found}. A suggestion in the form of a question is still a "
                    "suggestion. Ask about *their* view instead.")
        return f"The coach still reads advice: {found}. Ask about *their* view instead of offering yours."

    def _open_question_checker(answer):
        result, verdict = _reading(answer, ADVICE_1)
        if verdict is not None:
            return verdict
        if result.label == "unclear":
            return Verdict(False, "The coach recognised no listening move in that. Start with *what*, *how*, *where* "
                                  "or *who* and end with a question mark, or print `rules_table()` to see what it "
                                  "looks for.")
        if not result.is_question:
            return Verdict(False, f"That listens ({_quoted(result.listening)}): good listening, as the lesson says. "
                                  "This exercise asks for an open question, though, and it is not a question yet. "
                                  "Turn it into one that ends with a question mark.")
        return Verdict(True, f"The coach reads it as listening ({_quoted(result.listening)}).")

    def _reflection_checker(answer):
        result, verdict = _reading(answer, ADVICE_2)
        if verdict is not None:
            return verdict
        if not (result.has("reflecting back") or result.has("play-back")):
            if result.label == "listens":
                return Verdict(False, "That listens, but it does not reflect back what you heard. Start with words "
                                      "such as \"It sounds like...\" or \"So you're saying...\" and put your "
                                      "colleague's situation or feeling in your own words.")
            return Verdict(False, "The coach recognised no reflection. Start with \"It sounds like...\" or \"So you're "
                                  "saying...\" and say back what you heard.")
        return Verdict(True, f"The coach reads it as reflecting back ({_quoted(result.listening)}).")

    q1 = Exercise(
        "q1",
        prompt=f"A colleague tells you only two practices still come to the peer-learning group they set up. Your first "
               f"reply was: \"{ADVICE_1}\" Rewrite it as an **open question** that leaves the problem with them. The "
               "coach must read it as listening, and it must be a question.",
        answer_name="open_question",
        checker=_open_question_checker,
        hints=[
            "Open questions start with *what*, *how*, *where*, *when* or *who*, and cannot be answered with yes or no.",
            "Ask about what they have already done or noticed, not about your idea: *What have you ...?*",
            "For example: \"What have you tried so far with the practice managers?\" Check any draft first with "
            "`coach(\"your words\")`.",
        ],
        solution='''
open_question = "What have you tried so far with the practice managers?"
''',
        explanation="It starts with *what*, ends with a question mark and suggests nothing, so the coach finds one "
                    "listening move (an open question) and no advice. \"Have you tried X?\" offers your idea; "
                    "\"What have you tried?\" asks for theirs.",
        why="An open question keeps the thinking, and the ownership, with the person who has the problem. In the "
            "masterclass's listening exercise the point was to notice how quickly we reach for our own solution.",
        wrong_answers=[
            (ADVICE_1, "original advice"),
            ("What if you asked the practice managers to nominate a champion?", "still reads advice"),
            ("Tell me more about the practice managers.", "not a question yet"),
            ("Is that working?", "no listening move"),
            ("You could ask the managers. What do they think?", "still jumps in"),
            ("What were you thinking setting it up like that?", "reads a rebuke"),
            ("Mm, that's a lot to carry on your own.", "good listening, as the lesson says"),
            ("Don't worry, they'll come back once the winter's over.", "closes the conversation down"),
            (42, "between quotes"),
        ],
    )

    q2 = Exercise(
        "q2",
        prompt=f"A programme lead says two trusts have fallen out and the work has stalled. Your first reply was: "
               f"\"{ADVICE_2}\" Rewrite it so that it **reflects back** what you heard (the situation or the feeling) "
               "and gives no advice.",
        answer_name="reflection",
        checker=_reflection_checker,
        hints=[
            "Reflecting back means saying, in your own words, what you heard: the facts, or the feeling behind them.",
            "Start with \"It sounds like...\" or \"So you're saying...\". You can end by checking: \"Have I got that "
            "right?\"",
            "For example: \"It sounds like the falling-out has stopped everything, and that's wearing you down. Have "
            "I got that right?\"",
        ],
        solution='''
reflection = "It sounds like the falling-out has stopped everything, and that's wearing you down. Have I got that right?"
''',
        explanation="\"It sounds like...\" says back the situation and the feeling; \"Have I got that right?\" checks "
                    "it. Neither tells the person what to do.",
        why="Being heard accurately is often what lets someone think straight about their own problem; a "
            "reflection also lets them correct you before you act on a misunderstanding.",
        wrong_answers=[
            ("It sounds like you should take it to the system board.", "still jumps in"),
            ("That sounds hard. You should talk to both chief execs.", "Part of it listens"),
            ("What happened between the two trusts?", "does not reflect back"),
            (ADVICE_2, "original advice"),
            ("Right.", "recognised no reflection"),
        ],
    )

    q3 = Exercise(
        "q3",
        prompt="On the course's practice curiosity scale (1 to 7), a colleague answered the four stress-tolerance "
               f"items like this: `answers = {ANSWERS}`. These items describe difficulties, so they are "
               "reverse-scored. What is their stress-tolerance score (the mean after reverse-scoring)?",
        answer_name="stress_tolerance",
        checker=close_number(
            _STRESS_TOLERANCE,
            tolerance=0.005,
            what="a score between 1 and 7",
            alternatives=[
                (_RAW_MEAN, f"{_RAW_MEAN:g} is the mean of the answers as given. These items are reverse-keyed: turn "
                            "each answer round first (on 1 to 7, x becomes 8 - x), then take the mean."),
                (sum(_REVERSED), f"{sum(_REVERSED)} is the total after reverse-scoring. The score is the mean: divide by "
                                 "the number of items."),
                (sum(ANSWERS.values()), f"{sum(ANSWERS.values())} is the total of the answers as given. Reverse-score "
                                        "each one, then take the mean."),
                (sum(6 - v for v in ANSWERS.values()) / len(ANSWERS),
                 "That turns the answers round as if the scale ran 1 to 5 (6 - x). This scale runs 1 to 7, so x "
                 "becomes 7 + 1 - x = 8 - x."),
            ],
        ),
        hints=[
            "On a 1 to 7 scale a reverse-keyed answer x counts as 7 + 1 - x: 1 becomes 7, 2 becomes 6, 4 stays 4.",
            "`curiosity.scale.reverse(x)` does it for you.",
            "`sum(curiosity.scale.reverse(x) for x in answers.values()) / len(answers)`",
        ],
        solution='''
reversed_answers = [curiosity.scale.reverse(x) for x in answers.values()]
stress_tolerance = sum(reversed_answers) / len(reversed_answers)
''',
        explanation=f"Turned round, the answers {list(ANSWERS.values())} become {_REVERSED}; their mean is "
                    f"{_STRESS_TOLERANCE:g}.",
        why="Reverse-scoring makes a higher score always mean *more* of the dimension: here, more willingness to stay "
            "with the unease of the new. Forgetting it would turn a fairly tolerant colleague into an intolerant one. "
            "And remember: these are practice items for reflection, not a validated measure.",
        wrong_answers=[
            (_RAW_MEAN, "as given"),
            (sum(_REVERSED), "divide by"),
            (sum(6 - v for v in ANSWERS.values()) / len(ANSWERS), "1 to 5"),
        ],
    )

    q4 = ConceptQuestion(
        "q4",
        prompt="Edmondson (1999) studied *psychological safety* in work teams. Which description fits her idea best?",
        options=[
            Option("A secure online space where members can post ideas, mistakes and questions without being "
                   "identified, so that nobody fears being judged.",
                   False,
                   "Technology can help, but the masterclass was clear that relationships, not tools, make a space "
                   "safe. An anonymous platform can even suggest that speaking openly is not safe."),
            Option("A personality trait: how confident and at ease a person feels when speaking up in groups, which "
                   "differs from one person to the next.",
                   False,
                   "It is a property of the group and its relationships, not of one person's character: the same "
                   "person can feel safe in one team and not in another."),
            Option("A belief shared by a team that it is safe to take interpersonal risks there, such as admitting a "
                   "mistake or asking a question that may sound naive.",
                   True,
                   "Yes. It belongs to the team, not to one person, and it is about the risk of speaking up. She "
                   "linked it to teams' learning behaviour: asking, seeking feedback, talking about errors."),
            Option("An agreement within a team that nobody will be blamed or held to account for poor results, so "
                   "that people feel free to take risks.",
                   False,
                   "Safety to speak up is not the same as low standards: being able to say plainly that results are "
                   "poor is part of it."),
        ],
        why="Networks need members to try things, fail and say so, so that everyone learns. A network leader builds "
            "the relationships that make that safe.",
    )

    q5 = ConceptQuestion(
        "q5",
        prompt="The active-listening coach gave your reply the verdict *listens*. What can you conclude? Tick all that "
               "apply.",
        multiple=True,
        options=[
            Option("Your wording contains at least one listening move it recognises, and none of the advice phrases or "
                   "instructions it looks for.",
                   True,
                   "That is exactly what the verdict means, no more."),
            Option("You can see which of your words the verdict was based on.",
                   True,
                   "Yes: every finding quotes the words that matched, and `rules_table()` shows every rule."),
            Option("Your tone would come across as warm rather than judging.",
                   False,
                   "The coach reads wording, not tone: an unkind reply can still be worded as a perfect open "
                   "question, and a warm \"Mm\" can say more than any phrase it knows."),
            Option("It is the right question for this colleague at this moment.",
                   False,
                   "Only you and your colleague can judge that. The coach knows nothing about the relationship or the "
                   "situation."),
        ],
        why="A transparent rule-based tool is useful because you can see its reasons, and its limits. Use it to notice "
            "habits in your wording, then practise with people.",
    )

    # ---------------------------------------------------------------------- the leader track
    def _coach_reads(reply):
        result = coach(reply)
        listened = [f"\u201c{f.phrase}\u201d" for f in result.findings if f.kind == "listening"]
        jumped = [f"\u201c{f.phrase}\u201d" for f in result.findings if f.kind == "advice" and f.counted]
        parts = []
        if listened:
            parts.append(f"listens with {', '.join(listened)}")
        if jumped:
            parts.append(f"jumps in with {', '.join(jumped)}")
        return f"The coach reads it as *{result.label}*: " + ("; ".join(parts) or "it recognises no move") + "."

    def _reply_insight(combo):
        text = _coach_reads(REPLIES[combo[0]])
        if listening_balance(REPLIES[combo[0]]) > 0:
            return text + " The problem stays with your colleague, and so does the thinking."
        return (text + " Whatever listening comes first, the advice or the reassurance is what your colleague "
                "is likely to remember: the problem has moved to you.")

    _SPONSORS = SCENARIOS["The sponsors want numbers"]

    q7 = Decision(
        "q7",
        prompt=f"{_SPONSORS} Which reply do you send first? Your choice is graded by what the listening coach reads "
               "in it: its listening moves minus its moves that jump in (advice, reassurance that closes the "
               "conversation down).",
        options=list(REPLIES),
        pick=1,
        consequence=lambda combo: listening_balance(REPLIES[combo[0]]),
        describe=lambda value: f"a listening balance of {value:+d}" if value else "a listening balance of 0",
        tolerance=1,
        insight=_reply_insight,
        hints=["Which replies leave the problem with the network manager, and which hand them your answer?",
               "Reassurance (\"Don't worry...\") is kindly meant, and it still closes the conversation down. Look for "
               "a reply that says back what you heard, or asks what they think."],
        explanation="The library runs the coach on each reply (`listening_balance`): +1 for each listening move, "
                    "-1 for each piece of advice, rebuke or closing reassurance. Saying back what you heard and "
                    "checking it scores highest; an open question alone also counts.",
        wrong_answers=[("A", "jumps in with"), ("C", "listens with"), ("E", "Don't worry")],
        why="The first thing you say sets the direction: a question or a reflection keeps your colleague thinking "
            "about their own network; a suggestion starts them defending it, or handing it to you.",
    )

    def _consulting(room):
        return plan_rounds(*room).phase_minutes["consult"]

    def _room(room):
        return f"{room[0]} people, {room[1]} minutes"

    q8 = Ranking(
        "q8",
        prompt="Peer consultation in threes: one person brings a problem, one consults by asking questions only, one "
               "observes; then they swap, until everyone has brought a problem. The course's plan puts a remainder "
               "of one or two people into groups of four, and a group of four needs a fourth round. Rank these rooms "
               "from the one where each consultant has the most minutes of questions in a round (first) to the "
               "fewest (last).",
        options=[_room(room) for room in ROOMS],
        values=lambda: [_consulting(room) for room in ROOMS],
        describe=lambda minutes: f"{minutes} minutes of questions for each consultant",
        descending=True,
        tolerance=0.5,
        note=lambda: (f"One more person changes the plan: {ROOMS[3][0]} people in {ROOMS[3][1]} minutes make "
                      f"threes and three rounds ({_consulting(ROOMS[3])} minutes of questions), {ROOMS[0][0]} make a "
                      f"group of four and four rounds, and the questions shrink to {_consulting(ROOMS[0])} minutes. "
                      "When the numbers are awkward, give the session more time, or join a group yourself."),
        hints=["Count the rounds first: a room that divides by three needs three rounds; one or two people over "
               "make groups of four, and then every group runs four rounds.",
               "Take off about ten minutes for the start, the changeovers and the close, and share the rest among "
               "the rounds. The questions get about half of each round."],
        explanation="The library plans each room (`plan_rounds(people, minutes)`: groups, rounds, and minutes for "
                    "each phase in the course's own proportions) and reads the minutes of questions in a round.",
        wrong_answers=[(["C", "A", "D", "B"], "wrong way round"), (["D", "B", "A", "C"], "you put D above B")],
        why="The practice only works if the consultant has time to stay with the problem. Planning the room, not "
            "just the exercise, is what lets every person bring something real.",
    )

    q9 = Choice(
        "q9",
        prompt="Peer consultation, round 2: you are the observer. The consultant asks, \"Have you thought about "
               "asking the GPs directly?\" What do you do?",
        options=[
            Option("Stop the round and suggest a better question, so that the person who brought the problem still "
                   "gets the most from their few minutes",
                   False,
                   "Stepping in takes the round over, which is the very move you are there to notice. Hold it for "
                   "your feedback."),
            Option("Write down the consultant's exact words, and quote them back in your feedback at the end of "
                   "the round",
                   True,
                   "Yes: quoting the words, not judging the person, lets the consultant hear how a suggestion "
                   "slipped in as a question. The coach reads it the same way: \"Have you thought about\" is "
                   "advice."),
            Option("Say nothing about it afterwards either, since pointing it out might embarrass a colleague",
                   False,
                   "Noticing is the observer's job, and a group where slips can be named kindly is a safe space to "
                   "fail. Quote the words and say what happened next."),
            Option("Answer the question yourself, as you know the GP practices well",
                   False,
                   "Then there are two people jumping in. The observer stays silent until their turn."),
        ],
        hints=["What is the observer there for: to help the consultant, or to notice what the consultant does?",
               "Feedback that quotes words is easier to hear than feedback about the person."],
        explanation="The observer keeps time, stays silent during the round and notes each time the consultant "
                    "listened and each time they jumped in, in the consultant's own words, for their feedback.",
        wrong_answers=[("A", "takes the round over"), ("D", "two people jumping in")],
        why="A practice where mistakes are noticed, named without blame and learned from is a small safe space to "
            "fail: the condition for trying new ways of helping each other.",
    )

    q6 = Reflection(
        "q6",
        prompt="Think of the last time a colleague brought you a problem. What did you say first: a question, a "
               "reflection, or a solution? And where, at work, do you find it hardest to stay with not knowing?",
        guidance="Be concrete: the setting, the words you used, what happened next. Then name one situation in the "
                 "coming month where you will ask two questions before offering any idea.",
        placeholder="The last time someone brought me a problem, I...",
    )

    return locals()


exercises = ExerciseSet(
    "curiosity_and_listening",
    number=7,
    title="Curiosity, safe space and active listening",
    outline={"q1": "code", "q2": "code", "q3": "code", "q4": "concept", "q5": "concept", "q6": "reflection",
             "q7": "decision", "q8": "ranking", "q9": "choice"},
    build=_build,
)

progress = exercises.progress

coaching.enable()

# ``ex.q1``, ``ex.NET``...: built on first use, so importing this module computes nothing.
__getattr__ = exercises.module_attribute
