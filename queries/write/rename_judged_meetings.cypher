// A meeting joined by a report with a smaller key takes that key as its id (merge_meetings.cypher): the judgements
// naming its old id follow it, so a correction is never lost to a rename. Runs right after merge_meetings.cypher.
// Parameters: $renames: [{old, new}] meeting ids.
UNWIND $renames AS rename
MATCH (j:Judgement)
WHERE j.meeting = rename.old OR (j.kind = 'merge_meetings' AND j.into = rename.old)
SET j.meeting = CASE WHEN j.meeting = rename.old THEN rename.new ELSE j.meeting END,
    j.into = CASE WHEN j.kind = 'merge_meetings' AND j.into = rename.old THEN rename.new ELSE j.into END
RETURN count(j) AS renamed
