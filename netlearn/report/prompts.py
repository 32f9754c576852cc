"""The words of the report: what each measure means, and questions to discuss, section by section.

Kept apart from the calculations so that a trainer can read (and change) them in one place.
Every text here is plain text; the HTML renderer escapes it like any other text.
"""

from __future__ import annotations

__all__ = ["DISCUSS", "ROLE_RULES", "INTRO", "REFERENCES"]

#: One or two sentences under each section heading.
INTRO = {
    "overview": "How big the network is, how many of the possible ties exist, whether it holds together "
                "as one piece, and who has no tie at all in this relation.",
    "roles": "Informal roles that keep a network working, found from the pattern of ties with simple, "
             "visible rules (the rule behind each person is given). Treat the lists as a starting point "
             "for conversations, not as a verdict on anyone.",
    "leadership": "Whether leadership and connection are spread across many members or run through a few, "
                  "and what would happen to the network if its formal leaders stepped back.",
    "diversity": "Who is in the network, and whether ties cross the boundaries between groups or stay "
                 "inside them.",
    "diagnostics": "What members said in the health check and the maturity-matrix conversation, summarised "
                   "by dimension.",
}

#: The rule behind each role, in plain words (the percentages are those of netlearn.roles.role_profile).
ROLE_RULES = {
    "broker": "On many of the shortest paths between other members (betweenness in the top 10%), with "
              "contacts who mostly do not know each other (constraint in the lowest 25%), and with at least "
              "one contact in another group. Brokers carry new ideas between parts of the network that "
              "would otherwise not hear of them (Burt 1992; Arena et al. 2017).",
    "central_connector": "Among the 10% with the most ties inside their own group: the person their group "
                         "turns to, who helps ideas get developed and trusted locally (Cross & Prusak 2002).",
    "energizer": "Among the 10% who receive the most positive energy ratings: people whose interactions "
                 "leave others keen to act, which helps ideas spread (Cross, Baker & Parker 2003).",
    "boundary_spanner": "Among the 10% with the most ties to members of other groups: links to other "
                        "teams, organisations or regions (Cross & Prusak 2002).",
    "peripheral_specialist": "Has ties, but is among the 10% of connected members with the fewest: at the edge of "
                             "the network. "
                             "Often people with specialist knowledge that others cannot easily reach; ask them "
                             "what they know before drawing conclusions (Cross & Prusak 2002).",
}

#: Questions for a group to discuss, for each section.
DISCUSS = {
    "overview": [
        "Look at the isolated members. Is being unconnected their choice (new, occasional, or a specialist "
        "who joins when needed), or is the network failing to reach them? Who could introduce them?",
        "Is the network one connected piece? If not, is each separate piece a group with its own purpose, or "
        "people the network has lost touch with?",
        "In a large network low density is normal: nobody can know everyone. What matters more is whether "
        "everyone is a few introductions away from anyone they need. Does that match your experience?",
        "This is one relation only. Would the picture look different for who asks whom for advice, or who "
        "gives whom energy?",
    ],
    "roles": [
        "Do the brokers and boundary spanners know that the network relies on them? What would happen to the "
        "flow of ideas if one of them moved job next month?",
        "Which role does the network most need right now, given its purpose? Who could grow into it, and "
        "what would help them (an introduction, time, permission)?",
        "Are the central connectors overloaded? A person everyone turns to can become a bottleneck as well "
        "as a hub.",
        "What do the peripheral members know that nobody is asking them about? How could their knowledge "
        "reach the rest of the network?",
        "Share these lists with the people named before anyone else: they may read their position differently, "
        "and their view is part of the data.",
    ],
    "leadership": [
        "Managing a network is not the same as leading it. Does the network's connectivity depend on the "
        "people with formal titles, or do members lead through their own ties?",
        "If reliance on the formal leaders is high, which new ties between members would take that load off "
        "them? Who could convene a conversation without the chair in the room?",
        "Compare the two what-if scenarios. Is the network more vulnerable to losing its formal leaders or "
        "to losing a member without a title? Is that person's contribution recognised?",
        "Where does power sit in this network, and is that where members would want it? How are decisions "
        "made, and who is in the room when they are?",
    ],
    "diversity": [
        "Whose voices are missing or few: patients, carers, citizens, other sectors, other regions? What would "
        "make it worth their while to join and stay (reciprocity: what do they get back)?",
        "Which groups mostly talk among themselves (an E-I index near -1)? Strong ties inside a group build "
        "trust, but new ideas usually arrive from outside it.",
        "Different viewpoints bring disagreement, and disagreement handled well is a source of new ideas. "
        "Who could bring a different view into your next meeting?",
        "Before acting on a small group's figures, remember they are suppressed for a reason: talk with the "
        "people themselves rather than about them.",
    ],
    "diagnostics": [
        "Where do members' ratings differ most? Spread is a topic for conversation, not a mistake to average "
        "away.",
        "Which dimension would make the biggest difference to the network's purpose if it moved up one "
        "level? What is one step towards that in the next three months?",
        "Do the survey results match what the network map shows? Where they disagree, which do you believe, "
        "and why?",
    ],
}

REFERENCES = [
    "Arena, M., Cross, R., Sims, J. & Uhl-Bien, M. (2017). How to catalyze innovation in your organization. "
    "MIT Sloan Management Review 58(4).",
    "Blau, P. M. (1977). Inequality and Heterogeneity. Free Press.",
    "Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard University Press.",
    "Carson, J. B., Tesluk, P. E. & Marrone, J. A. (2007). Shared leadership in teams. Academy of Management "
    "Journal 50(5).",
    "Cross, R., Baker, W. & Parker, A. (2003). What creates energy in organizations? MIT Sloan Management "
    "Review 44(4).",
    "Cross, R. & Prusak, L. (2002). The people who make organizations go – or stop. Harvard Business Review "
    "80(6).",
    "Everett, M. G. & Borgatti, S. P. (1999). The centrality of groups and classes. Journal of Mathematical "
    "Sociology 23(3).",
    "Freeman, L. C. (1979). Centrality in social networks: conceptual clarification. Social Networks 1.",
    "Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises. Social Psychology "
    "Quarterly 51(2).",
    "Latora, V. & Marchiori, M. (2001). Efficient behavior of small-world networks. Physical Review Letters "
    "87(19), 198701.",
]
