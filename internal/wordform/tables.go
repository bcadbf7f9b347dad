package wordform

import "sync"

// irregular gives the base word of forms the stemmer cannot take back to it:
// irregular verbs and plurals.
var irregular = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"was": "be", "were": "be", "been": "be", "am": "be", "is": "be", "are": "be",
		"had": "have", "has": "have", "did": "do", "does": "do", "done": "do",
		"went": "go", "gone": "go", "ate": "eat", "eaten": "eat",
		"arose": "arise", "arisen": "arise", "awoke": "awake", "awoken": "awake",
		"became": "become", "began": "begin", "begun": "begin", "bent": "bend",
		"bet": "bet", "bit": "bite", "bitten": "bite", "bled": "bleed", "blew": "blow", "blown": "blow",
		"broke": "break", "broken": "break", "brought": "bring", "built": "build", "burnt": "burn",
		"bought": "buy", "caught": "catch", "chose": "choose", "chosen": "choose", "came": "come",
		"crept": "creep", "dealt": "deal", "dug": "dig", "drew": "draw", "drawn": "draw",
		"dreamt": "dream", "drank": "drink", "drunk": "drink", "drove": "drive", "driven": "drive",
		"fell": "fall", "fallen": "fall", "fed": "feed", "felt": "feel", "fought": "fight",
		"found": "find", "fled": "flee", "flew": "fly", "flown": "fly", "forbade": "forbid", "forbidden": "forbid",
		"forgot": "forget", "forgotten": "forget", "forgave": "forgive", "forgiven": "forgive",
		"froze": "freeze", "frozen": "freeze", "got": "get", "gotten": "get", "gave": "give", "given": "give",
		"grew": "grow", "grown": "grow", "hung": "hang", "heard": "hear", "hid": "hide", "hidden": "hide",
		"held": "hold", "hurt": "hurt", "kept": "keep", "knelt": "kneel", "knew": "know", "known": "know",
		"laid": "lay", "led": "lead", "leapt": "leap", "learnt": "learn", "left": "leave", "lent": "lend",
		"lost": "lose", "made": "make", "meant": "mean", "met": "meet", "mislaid": "mislay", "misled": "mislead",
		"misread": "misread", "mistook": "mistake", "mistaken": "mistake", "misunderstood": "misunderstand",
		"overcame": "overcome", "overdid": "overdo", "overdone": "overdo", "overslept": "oversleep",
		"overtook": "overtake", "overtaken": "overtake", "overthought": "overthink", "paid": "pay",
		"overpaid": "overpay", "proven": "prove", "quit": "quit", "rang": "ring", "rung": "ring",
		"ran": "run", "rode": "ride", "ridden": "ride", "said": "say", "saw": "see", "seen": "see",
		"sought": "seek", "sold": "sell", "sent": "send", "shook": "shake", "shaken": "shake",
		"shone": "shine", "shot": "shoot", "showed": "show", "shown": "show", "shrank": "shrink",
		"sang": "sing", "sung": "sing", "sank": "sink", "sunk": "sink", "sat": "sit", "slept": "sleep",
		"slid": "slide", "spoke": "speak", "spoken": "speak", "sped": "speed", "spent": "spend",
		"spilt": "spill", "spun": "spin", "spat": "spit", "split": "split", "spread": "spread",
		"sprang": "spring", "stood": "stand", "stole": "steal", "stolen": "steal", "stuck": "stick",
		"stung": "sting", "stank": "stink", "strode": "stride", "struck": "strike", "strove": "strive",
		"swore": "swear", "sworn": "swear", "swept": "sweep", "swam": "swim", "swum": "swim",
		"took": "take", "taken": "take", "taught": "teach", "tore": "tear", "torn": "tear",
		"told": "tell", "thought": "think", "threw": "throw", "thrown": "throw",
		"understood": "understand", "undertook": "undertake", "underwent": "undergo", "undid": "undo",
		"upset": "upset", "woke": "wake", "woken": "wake", "wore": "wear", "worn": "wear",
		"wept": "weep", "won": "win", "withdrew": "withdraw", "withdrawn": "withdraw", "wrote": "write",
		"written": "write", "could": "can", "would": "will", "should": "shall",
		"children": "child", "men": "man", "women": "woman", "people": "person", "feet": "foot",
		"teeth": "tooth", "mice": "mouse", "lives": "life", "wives": "wife", "knives": "knife",
		"selves":   "self",
		"analyses": "analysis", "crises": "crisis", "criteria": "criterion", "phenomena": "phenomenon",
	}
})

// irregularWords lists the keys of irregular, for Prefix.
var irregularWords = sync.OnceValue(func() []string {
	out := make([]string, 0, len(irregular()))
	for w := range irregular() {
		out = append(out, w)
	}
	return out
})

// family brings stems of close derivations the stemmer keeps apart to one:
// "defend" and "defensive" (stem "defens"), "decide" and "decision".
var family = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"defend": "defens", "defenc": "defens", "defenceless": "defens", "defenseless": "defens",
		"decid": "decis", "tired": "tire", "happili": "happi", "unhappili": "unhappi",
		"anxious": "anxieti", "explan": "explain", "failur": "fail", "succeed": "success",
		"angri": "anger", "angrili": "anger", "critici": "critic", "criticis": "critic",
		"apologis": "apolog", "realis": "realiz", "organis": "organ", "organiz": "organ",
		"prioritis": "priorit", "prioriti": "priorit", "prioritiz": "priorit",
		"recognis": "recogn", "recogniz": "recogn", "emphasis": "emphas", "emphasiz": "emphas",
		"panick": "panic", "procrastinat": "procrastin", "perfectionist": "perfection",
		"commitment": "commit", "overcommitt": "overcommit",
		"respons": "respond", "assumpt": "assum", "presumpt": "presum", "resumpt": "resum",
		"admiss": "admit", "permiss": "permit", "omiss": "omit", "submiss": "submit", "transmiss": "transmit",
		"intervent": "interven", "attent": "attend", "intent": "intend",
		"extens": "extend", "pretens": "pretend", "comprehens": "comprehend",
		"descript": "describ", "prescript": "prescrib", "subscript": "subscrib",
		"decept": "deceiv", "percept": "perceiv", "recept": "receiv", "concept": "conceiv",
		"product": "produc", "reduct": "reduc", "introduct": "introduc",
		"expans": "expand", "suspens": "suspend", "collis": "collid", "divis": "divid",
		"provis": "provid", "persuas": "persuad", "evas": "evad", "invas": "invad",
		"explos": "explod", "conclus": "conclud", "inclus": "includ", "exclus": "exclud",
		"solut": "solv", "resolut": "resolv", "strength": "strong", "length": "long", "width": "wide", "depth": "deep", "height": "high",
		"truth": "true", "warmth": "warm", "growth": "grow", "death": "die", "dead": "die",
		"proof": "prove", "belief": "believ", "grief": "griev", "relief": "reliev", "thief": "thiev",
		"choic": "choos", "advic": "advis", "pride": "proud",
	}
})
