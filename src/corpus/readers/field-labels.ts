// Words that name a field of a record, not a person ("Decision: …", "Update: …", "Scribe: Ana"):
// a label made of one of these is never a speaker, whatever the reader. Roles that do speak in a
// transcript ("Chair:", "Moderator:", "Host:", "Question:") are not here.
export const FIELD_LABELS = new Set(
  (
    'decision decisions note notes update updates status outcome result results conclusion ' +
    'resolution action actions todo summary context background proposal agreed consensus next ' +
    'blocker blockers owner owners topic topics link links issue issues pr discussion vote votes ' +
    'motion release feedback comment comments followup goal goals problem idea ideas risk risks ' +
    'plan done doing agenda minutes present regrets absent attendees guests scribe notetaker date ' +
    'time location meeting recording video slides docs doc tldr fyi re ps nb edit tip warning ' +
    'important info example see also correction editor source photo caption transcript disclaimer'
  ).split(' '),
);
