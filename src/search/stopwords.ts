// Words that carry no topic: English function words (never indexed) and question phrasing
// (ignored in questions only, since reports use them as ordinary words).

/** English function words, the usual IR stopword list; dropped from the index and from questions. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren as at be because been before
  being below between both but by can cannot could couldn did didn do does doesn doing don down
  during each few for from further had hadn has hasn have haven having he her here hers herself
  him himself his how i if in into is isn it its itself just let me more most mustn my myself no
  nor not of off on once only or other ought our ours ourselves out over own same shan she should
  shouldn so some such than that the their theirs them themselves then there these they this
  those through to too under until up very was wasn we were weren what when where which while who
  whom why will with would wouldn you your yours yourself yourselves also may might must shall
  yes oh okay ok well much many anyone anybody someone somebody everyone everybody nobody
  anything something everything nothing whoever whatever`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * How people phrase a question about what someone said ("what did X say about", "did X mention",
 * "according to X"): not the topic, so not searched for.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  `say said says saying tell told tells telling talk talked talks talking mention mentioned
  mentions mentioning think thinks thought speak spoke speaks speaking discuss discussed
  discusses discussing according regarding regard opinion opinions view views comment comments
  commented remark remarks statement statements quote quotes quoted meet met meets meeting
  meetings anything something ever whether claim claimed believe believes feel feels felt
  express expressed stated ask asked asking wonder wondering curious please tell
  explain explained know vs versus`
    .split(/\s+/)
    .filter(Boolean),
);

/** Verbs that follow a speaker in a question ("what did merkel SAY", "did macron MENTION"). */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  `say said says tell told talk talked mention mentioned think thought speak spoke discuss
  discussed claim claimed believe feel felt express expressed state stated address addressed
  announce announced promise promised argue argued suggest suggested warn warned want wanted
  ask asked reply replied respond responded`
    .split(/\s+/)
    .filter(Boolean),
);
