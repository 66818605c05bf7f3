// Countries of the world with their other names and demonyms, so that "the Pakistani Prime
// Minister", "Pakistan's premier" and "the Prime Minister of Pakistan" name the same role.

/**
 * One country a line: names (the first is canonical) ":" demonyms, each list "|"-separated,
 * lower case. A compact, fixed resource: it is the world's list, not a list of our reports.
 */
const TABLE = `afghanistan:afghan
albania:albanian
algeria:algerian
andorra:andorran
angola:angolan
antigua and barbuda|antigua:antiguan
argentina:argentine|argentinian
armenia:armenian
australia:australian
austria:austrian
azerbaijan:azerbaijani|azeri
bahamas:bahamian
bahrain:bahraini
bangladesh:bangladeshi
barbados:barbadian
belarus:belarusian
belgium:belgian
belize:belizean
benin:beninese
bhutan:bhutanese
bolivia:bolivian
bosnia and herzegovina|bosnia:bosnian
botswana:botswanan|motswana
brazil:brazilian
brunei:bruneian
bulgaria:bulgarian
burkina faso:burkinabe
burundi:burundian
cabo verde|cape verde:cape verdean|cabo verdean
cambodia:cambodian
cameroon:cameroonian
canada:canadian
central african republic:central african
chad:chadian
chile:chilean
china|prc:chinese
colombia:colombian
comoros:comorian
congo|drc:congolese
costa rica:costa rican
cote d'ivoire|ivory coast:ivorian
croatia:croatian
cuba:cuban
cyprus:cypriot
czechia|czech republic:czech
denmark:danish
djibouti:djiboutian
dominica:dominican
dominican republic:dominican
ecuador:ecuadorian
egypt:egyptian
el salvador:salvadoran
equatorial guinea:equatoguinean
eritrea:eritrean
estonia:estonian
eswatini|swaziland:swazi
ethiopia:ethiopian
fiji:fijian
finland:finnish
france:french
gabon:gabonese
gambia:gambian
georgia:georgian
germany:german
ghana:ghanaian
greece:greek
grenada:grenadian
guatemala:guatemalan
guinea:guinean
guinea-bissau:bissau-guinean
guyana:guyanese
haiti:haitian
honduras:honduran
hungary:hungarian
iceland:icelandic
india:indian
indonesia:indonesian
iran:iranian
iraq:iraqi
ireland:irish
israel:israeli
italy:italian
jamaica:jamaican
japan:japanese
jordan:jordanian
kazakhstan:kazakh|kazakhstani
kenya:kenyan
kiribati:i-kiribati
north korea|dprk:north korean
south korea|korea:south korean|korean
kosovo:kosovar
kuwait:kuwaiti
kyrgyzstan:kyrgyz
laos:lao|laotian
latvia:latvian
lebanon:lebanese
lesotho:basotho
liberia:liberian
libya:libyan
liechtenstein:liechtensteiner
lithuania:lithuanian
luxembourg:luxembourgish|luxembourger
madagascar:malagasy
malawi:malawian
malaysia:malaysian
maldives:maldivian
mali:malian
malta:maltese
marshall islands:marshallese
mauritania:mauritanian
mauritius:mauritian
mexico:mexican
micronesia:micronesian
moldova:moldovan
monaco:monegasque
mongolia:mongolian
montenegro:montenegrin
morocco:moroccan
mozambique:mozambican
myanmar|burma:burmese|myanmar
namibia:namibian
nauru:nauruan
nepal:nepali|nepalese
netherlands|holland:dutch
new zealand:new zealander|new zealand
nicaragua:nicaraguan
niger:nigerien
nigeria:nigerian
north macedonia|macedonia:macedonian
norway:norwegian
oman:omani
pakistan:pakistani
palau:palauan
palestine:palestinian
panama:panamanian
papua new guinea:papua new guinean
paraguay:paraguayan
peru:peruvian
philippines:filipino|philippine
poland:polish
portugal:portuguese
qatar:qatari
romania:romanian
russia|russian federation:russian
rwanda:rwandan
saint kitts and nevis:kittitian
saint lucia:saint lucian
saint vincent and the grenadines:vincentian
samoa:samoan
san marino:sammarinese
sao tome and principe:santomean
saudi arabia:saudi|saudi arabian
senegal:senegalese
serbia:serbian
seychelles:seychellois
sierra leone:sierra leonean
singapore:singaporean
slovakia:slovak
slovenia:slovenian|slovene
solomon islands:solomon islander
somalia:somali
south africa:south african
south sudan:south sudanese
spain:spanish
sri lanka|srilanka:sri lankan|srilankan
sudan:sudanese
suriname:surinamese
sweden:swedish
switzerland:swiss
syria:syrian
taiwan:taiwanese
tajikistan:tajik
tanzania:tanzanian
thailand:thai
timor-leste|east timor:timorese
togo:togolese
tonga:tongan
trinidad and tobago|trinidad:trinidadian
tunisia:tunisian
turkey|turkiye|türkiye:turkish
turkmenistan:turkmen
tuvalu:tuvaluan
uganda:ugandan
ukraine:ukrainian
united arab emirates|uae|emirates:emirati
united kingdom|uk|u.k|britain|great britain:british
united states|us|u.s|usa|u.s.a|america:american
uruguay:uruguayan
uzbekistan:uzbek
vanuatu:vanuatuan
vatican|holy see:vatican
venezuela:venezuelan
vietnam|viet nam:vietnamese
yemen:yemeni
zambia:zambian
zimbabwe:zimbabwean
european union|eu:european`;

interface CountryTable {
  /** Every name or demonym, as its words, longest first, with its country's canonical name. */
  forms: { words: string[]; country: string }[];
  /** First words of all forms, for a cheap "could a country start here" check. */
  starts: Set<string>;
  /** Canonical country names. */
  names: Set<string>;
}

function buildTable(): CountryTable {
  const forms: { words: string[]; country: string }[] = [];
  for (const line of TABLE.split('\n')) {
    const [names = '', demonyms = ''] = line.split(':');
    const all = names.split('|');
    const country = all[0] ?? '';
    for (const f of [...all, ...demonyms.split('|')])
      if (f) forms.push({ words: f.split(/[\s-]+/), country });
  }
  forms.sort((a, b) => b.words.length - a.words.length);
  return {
    forms,
    starts: new Set(forms.map((f) => f.words[0] ?? '')),
    names: new Set(forms.map((f) => f.country)),
  };
}

// Built once at import: a constant derived from the constant table above, never mutated.
const COUNTRIES: CountryTable = buildTable();

/**
 * Role qualifiers with every country name or demonym replaced by the country's canonical name
 * (["sri", "lankan"] → ["sri lanka"], ["pakistani"] → ["pakistan"]); other words stay.
 */
export function canonicalPlaces(quals: string[]): string[] {
  if (!quals.some((q) => COUNTRIES.starts.has(q) || q.includes('-'))) return quals;
  const words = quals.flatMap((q) => (q.includes('-') ? q.split('-') : [q]));
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const w = words[i] as string;
    let hit: { words: string[]; country: string } | undefined;
    if (COUNTRIES.starts.has(w))
      hit = COUNTRIES.forms.find((f) => f.words.every((fw, k) => words[i + k] === fw));
    if (hit) {
      out.push(hit.country);
      i += hit.words.length;
    } else {
      out.push(w);
      i++;
    }
  }
  return out;
}

/** Whether a canonical qualifier (from `canonicalPlaces`) is a country. */
export function isCountry(qual: string): boolean {
  return COUNTRIES.names.has(qual);
}
