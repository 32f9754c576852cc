"""The rules of the active-listening coach (:mod:`netlearn.listening`), kept as plain data.

Each rule is a regular expression with a name, a kind (``"advice"``, that is jumping in, or
``"listening"``) and a sentence that explains it to a learner. The coach tries them in the order of
:data:`RULES`; :func:`netlearn.listening.rules_table` prints them. To suggest a better rule, add or
change one here and run ``tests/test_listening.py``: it reports agreement with the labelled replies
in ``datasets/listening/example_replies.csv``. Only the replies marked ``split = rules`` may be used
to write rules; the ``held_out`` ones measure how the coach does on words it was not written against.

>>> from netlearn.listening_rules import RULES
>>> [rule.name for rule in RULES if rule.kind == "listening"][:3]
['open question', 'tell me more', 'reflecting back']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ADVICE", "LISTENING", "Rule", "RULES"]

#: The kind of a rule that finds jumping in: advice, instructions, closing reassurance, rebukes.
ADVICE = "advice"
#: The kind of a rule that finds a listening move.
LISTENING = "listening"


@dataclass(frozen=True)
class Rule:
    """One rule of the coach.

    Attributes
    ----------
    name : str
        A short name, e.g. ``"you should"``.
    kind : str
        ``"advice"`` (jumping to a solution) or ``"listening"``.
    pattern : str
        A regular expression, matched without regard to case.
    explanation : str
        What the rule looks for and why it matters, in plain words.
    sentence_start : bool
        Only counts at the start of a sentence (after an optional "so", "just", "maybe"...).
    counts_in_open_question : bool
        For advice rules: whether it still counts inside an open question. "What do you think you
        should do?" contains "you should" but hands the choice back, so by default it does not.
        A question that such a rule matches is not read as an open question at all ("Why don't
        you...?", "What were you thinking...?").
    fallback : bool
        Counts only in a sentence where no other rule found anything. The play-back rule is one: a
        statement starting "So the..." restates what was heard unless it carries advice.
    """

    name: str
    kind: str
    pattern: str
    explanation: str
    sentence_start: bool = False
    counts_in_open_question: bool = False
    fallback: bool = False

    def compiled(self):
        body = self.pattern
        if self.sentence_start:
            body = r"^\W*(?:(?:so|and|but|then|first|well|ok|okay|honestly|maybe|perhaps|just|i think|i'd say)\s*,?\s+)*" \
                   rf"(?:{body})"
        return re.compile(body, re.IGNORECASE)

    def __repr__(self):
        return f"{self.kind} rule '{self.name}': {self.explanation}"


_IMPERATIVE_VERBS = (
    "try", "talk", "speak", "call", "phone", "ring", "email", "e-mail", "send", "go(?! on\\b)", "get", "book", "escalate",
    "make", "put", "stop", "start", "take(?! me\\b)", "give", "write", "raise", "push", "delegate", "bring", "invite",
    "arrange", "organise", "organize", "schedule", "contact", "meet", "involve", "set", "sort", "tell them",
    "tell her", "tell him", "ask them", "ask her", "ask him", "ask the", "don't", "do not", "never", "always",
    "remember", "make sure", "insist", "refuse", "ignore", "drop", "let(?! me\\b)", "focus", "use", "run", "pull",
)

#: The coach's rules, in the order they are tried. Print them with :func:`rules_table`.
RULES = (
    # ------------------------------------------------------------------ advice (jumping in)
    Rule("you should", ADVICE,
         r"\byou(?:'d| would)? (?:really |probably |just |definitely )?(?:should|ought to|need to|must|"
         r"have to|'ve got to|have got to|had better|'d better)\b",
         "Tells the person what to do. Even when it is right, it takes the problem off them."),
    Rule("you could just", ADVICE,
         r"\byou (?:could|might|can) (?:just |always |simply |easily )?(?:try|ask|talk|speak|go|get|send|call|"
         r"email|book|set|put|escalate|tell|raise|bring|invite|use|make|start|want to|ring|phone|contact|arrange|"
         r"write)\b",
         "A softer instruction (\"you could just...\"): still a solution offered before the problem is "
         "understood."),
    Rule("have you tried", ADVICE,
         r"(?:have|did) you (?:tried|try|thought about|think about|considered|consider|looked at|looked into|"
         r"spoken to|talked to|asked)\b",
         "A yes-or-no question that carries a suggestion (\"Have you tried X?\"). Compare the open question "
         "\"What have you tried so far?\", which is not counted.",
         sentence_start=True),
    Rule("why don't you", ADVICE,
         r"\bwhy (?:(?:don'?t|do not) (?:you|we)|not)\b",
         "A suggestion dressed as a question.", counts_in_open_question=True),
    Rule("how about / what if you", ADVICE,
         r"(?:how about|what if (?:you|we)|what about (?:trying|asking|talking|getting|using|doing|speaking|"
         r"setting|bringing|calling|sending|making|going|putting))\b",
         "A suggestion phrased as a question: the idea is yours, not theirs.", counts_in_open_question=True),
    Rule("rhetorical question", ADVICE,
         r"(?:wouldn'?t it be|would it not be|wouldn'?t it make sense|isn'?t it time|isn'?t (?:it|the) "
         r"(?:obvious|best|easiest|simplest|answer|better|worth)|surely|couldn'?t you|can'?t you|shouldn'?t you|"
         r"wouldn'?t you be|don'?t you think (?:it|you|that|we)|do you not think (?:it|you|that|we))\b",
         "A suggestion or a judgement asked as a question the speaker already knows the answer to "
         "(\"Wouldn't it be easier to...?\", \"Surely...?\").",
         sentence_start=True, counts_in_open_question=True),
    Rule("leading question", ADVICE,
         r"(?:could it be (?:that|because)|is it possible (?:that|the)|might it be (?:that|because)|"
         r"maybe it'?s because|i bet it'?s|isn'?t it (?:just )?because)\b",
         "A question that carries the speaker's own answer (\"Could it be that...?\").",
         sentence_start=True, counts_in_open_question=True),
    Rule("rebuke as a question", ADVICE,
         r"\b(?:what were you thinking|why on earth|why (?:didn'?t|did not|haven'?t|have not|wasn'?t|weren'?t) you|"
         r"why would you (?:ever |even )?(?:agree|let|do|say|leave|wait|go)|how could you|what did you expect|"
         r"whose (?:bright )?idea was|who told you to)\b",
         "Worded as a question, heard as a rebuke: it puts the speaker's judgement first and shuts the person "
         "down. A kind of jumping in, even though it ends with a question mark.",
         counts_in_open_question=True),
    Rule("if I were you", ADVICE,
         r"\b(?:if i were you|if i was you|in your shoes|in your position|what i(?:'d| would) do|"
         r"i(?:'d| would) (?:just |probably |definitely )?(?:go|talk|speak|ask|tell|call|email|escalate|get|"
         r"try|start|set|put|send|raise|book|push|make|take|write|bring|invite|stop|drop))\b",
         "Puts your own choice in place of theirs.", counts_in_open_question=True),
    Rule("my advice", ADVICE,
         r"\b(?:my advice|i(?:'d| would)? (?:suggest|recommend|advise)|i suggest|i recommend|my suggestion|"
         r"the (?:answer|solution|fix|trick) is|what you need is|the best thing (?:to do )?is|"
         r"the way to (?:do|fix|solve|handle) (?:this|it|that) is)\b",
         "Offers a solution outright.", counts_in_open_question=True),
    Rule("best bet", ADVICE,
         r"\b(?:(?:your|the|my) best bet|best bet (?:is|would be)|the best (?:option|move|approach|way forward) "
         r"(?:would be|is)|you(?:'d| would|'re| are) (?:probably |much |far |definitely )?better off|"
         r"(?:it|that)(?:'s| is|'d| would| might| could| may)(?: be)? (?:well |definitely |probably )?worth "
         r"(?:a |asking|trying|talking|speaking|getting|looking|checking|having|doing|raising|bringing)|"
         r"worth a (?:try|go|shot|look)|is it (?:not )?worth)",
         "Advice framed as the best bet or what would be worth doing: softer wording, still your solution."),
    Rule("what worked elsewhere", ADVICE,
         r"\b(?:when we had (?:this|that|the same|something similar|exactly this)|"
         r"at my (?:last|old|previous) (?:trust|practice|place|job|hospital|organisation|board|team)|"
         r"(?:in|at) (?:our|my) (?:patch|trust|practice|area|place|hospital|team|ward|surgery),? we|"
         r"what (?:worked|works) for (?:us|me|them)|what we did (?:was|at|in|there)|"
         r"we (?:fixed|solved|sorted|cracked|handled|tackled) (?:it|this|that|the same)|"
         r"i had (?:exactly |just )?(?:this|the same)|what sorted it|when i was (?:at|in|on)|"
         r"(?:last|one) (?:year|time|winter|summer),? we|worked a treat|did the trick|made all the difference|"
         r"and (?:it|that) (?:worked|helped|sorted it)|"
         r"(?:in|at) (?:our|my|the|my last|my old) [\w&' -]{1,30}?,? we (?:just |simply |always )?"
         r"(?!need\b)(?:\w+ed|got|put|set|ran|made|brought|had|did|went|began|built|took)\b)",
         "Advice told as a story of what worked somewhere else (\"When we had this, we...\"): it moves the "
         "conversation to your problem and your answer."),
    Rule("in my experience", ADVICE,
         r"\b(?:in my experience|from my experience|from what i'?ve seen|i(?:'ve| have) always found|"
         r"i always find|i find that|"
         r"what i(?:'ve| have) found|nine times out of ten|the only thing that (?:works|moves|helps|gets)|"
         r"(?:it|that|this) always works|what always works)\b",
         "Advice offered as your experience or rule of thumb (\"In my experience...\"): still your answer, "
         "given before theirs."),
    Rule("closing reassurance", ADVICE,
         r"\b(?:don'?t (?:you )?worry|do not worry|no need to worry|try not to worry|i wouldn'?t worry|"
         r"i'?m sure (?:it|you|they|that|everything)(?:'ll| will| is|'s| are|'re)|"
         r"(?:it|things|everything)(?:'ll| will) (?:all )?(?:be (?:fine|ok|okay|alright|all right)|work out|settle|"
         r"sort itself out|blow over|get easier|be better)|"
         r"you(?:'ll| will) be (?:fine|great|grand|ok|okay|alright|all right|brilliant)|"
         r"not as bad as (?:you think|it seems|it looks)|everyone (?:feels like that|feels that way|goes through)|"
         r"it happens to (?:all of us|everyone|the best)|these things (?:happen|always blow over)|"
         r"it'?s (?:completely |perfectly |totally )?normal|cheer up|look on the bright side|it could be worse|"
         r"chin up|you'?re doing (?:fine|great|brilliantly|really well|a great job))\b"
         r"|^\W*(?:(?:well|but|still),? )?at least\b",
         "Reassurance that closes the conversation down (\"Don't worry, you'll be fine\"). Kindly meant, it "
         "answers the worry instead of hearing it: a kind of jumping in."),
    Rule("instruction", ADVICE,
         r"(?:" + "|".join(_IMPERATIVE_VERBS) + r")\b",
         "A sentence that starts with an instruction (\"Escalate it\", \"Just talk to her\", "
         "\"Don't worry\"). Verbs that give the person room (\"Take your time\", \"Talk me through it\") are "
         "read as listening instead.",
         sentence_start=True),
    # ------------------------------------------------------------------ listening
    Rule("open question", LISTENING, "",
         "A question starting with what, how, where, when, who, which or why: it invites the person to think and "
         "say more, and cannot be answered with yes or no."),
    Rule("tell me more", LISTENING,
         r"\b(?:tell me (?:more|about|what|how|why|where|when|who|a bit|a little)|"
         r"say (?:a bit |a little |some )?more|talk me through|take me through|"
         r"walk me through|help me understand|i'd (?:like|love) to (?:hear|understand)|"
         r"i would (?:like|love) to (?:hear|understand)|can you (?:tell me|say|describe|explain)|"
         r"could you (?:tell me|say|describe|explain)|go on|"
         r"(?:do|would) you (?:want|like) to (?:talk|say|tell|go through)|would it help to talk|"
         r"is there anything else|anything else (?:going on|on your mind|you want)|what else|"
         r"i'?m curious (?:about|to hear)|i wonder (?:what|how|why|whether))\b|^\W*(?:carry on|keep going)\b",
         "An invitation to say more, without steering where the person goes."),
    Rule("reflecting back", LISTENING,
         r"\b(?:it sounds (?:like|as if|as though)|sounds (?:like|as if|as though)|so you'?re saying|"
         r"so you are saying|what i'?m hearing|what i am hearing|what i hear is|i'?m hearing|i can hear|"
         r"it seems (?:like )?you|you seem|you sound|you'?re feeling|you are feeling|you feel|"
         r"you(?:'re| are) (?:\w+ )?(?:worried|anxious|frustrated|exhausted|tired|fed up|stuck|torn|upset|angry|"
         r"disappointed|overwhelmed|caught|daunted|unsure|not sure|left out|on your own)|"
         r"that must (?:be|have been|feel)|it must (?:be|have been|feel)|if i'?ve understood|if i understand|"
         r"i get the sense|i sense|"
         r"what a (?:week|month|year|day|time|few weeks|few months)|"
         r"(?:(?:that|this|it)(?:'s| is| was| has been| sounds| must be| must feel| feels)|isn'?t (?:that|it)|how)"
         r" (?:(?:really|so|very|incredibly|pretty|quite|truly|properly|genuinely|such) )?"
         r"(?:hard|tough|difficult|exhausting|frustrating|lonely|awful|horrible|upsetting|worrying|stressful|"
         r"draining|demoralising|disheartening|painful|rough|grim|a lot|heavy|unsettling|infuriating|sad|scary|"
         r"frightening|daunting|a worry|a blow|a shame))\b",
         "Says back what you heard, or names the feeling behind it (\"It sounds like...\", \"That's a lot to "
         "carry\"), so the person knows they were heard."),
    Rule("play-back", LISTENING,
         r"^\W*(?:so\s*,?\s+(?!(?:just|maybe|perhaps|why|how about|what if|try|get|go|do|don'?t)\b)\w|"
         r"you(?:'ve| have) (?:been|had|got|tried|spent|done|put|lost|carried|held|covered|seen|heard|asked|"
         r"told|built|run)\b|let me (?:say|play|read) (?:that|it|this) back|what i'?m taking from)",
         "A statement that restates what you heard (\"So the GPs want the pathway, but nobody has time\"). "
         "Counted only when the sentence carries nothing else, so \"So you should...\" stays advice.",
         fallback=True),
    Rule("checking understanding", LISTENING,
         r"\b(?:let me check|(?:check|make sure) (?:that )?i'?ve (?:understood|got)|have i got (?:that|this|it) right|did i get (?:that|this|it) right|have i understood|"
         r"did i understand|do i have (?:that|this|it) right|is that (?:right|fair|it|what you mean)|"
         r"am i right|does that sound right|is that a fair (?:summary|way to put it)|am i hearing (?:that|you) right|"
         r"have i (?:got|understood) the gist|correct me if|have i missed anything|did i miss anything|"
         r"is that about right|is that how (?:it|you)|does that fit|is that close)\b",
         "Checks that you have understood, rather than assuming."),
    Rule("holding space", LISTENING,
         r"\b(?:take your time|take (?:a|the) (?:moment|minute|breath|second)|take as long as you need|"
         r"(?:there'?s )?no (?:rush|hurry)|in your own time|whenever you'?re ready|"
         r"i'?m (?:here|listening|all ears|not going anywhere|with you|not in a hurry)|"
         r"i(?:'ve| have) got (?:time|all day|as long as)|i have time|i'?m glad you (?:told|said|came|brought|shared)|"
         r"thank(?:s| you) for (?:telling|sharing|trusting|bringing|saying)|there'?s no right answer|"
         r"start (?:wherever|where you like|where you want|from wherever|at the beginning|from the beginning)|"
         r"(?:i'?m )?(?:so |really |very )?sorry to hear|i'?m (?:so |really |very )?sorry|"
         r"you'?re not (?:alone|on your own))\b"
         r"|^\W*(?:mm+|hmm+|mhm|uh-huh)\W*$",
         "Gives the person time and attention and asks for nothing (\"Take your time\", \"I'm listening\", "
         "\"Mm.\"). Starts with a verb, but it is not an instruction."),
)
