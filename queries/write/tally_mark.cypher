// Record what each meeting is now tallied with (null: not counted). Parameters: $rows: [{node (element id), tallied}].
UNWIND $rows AS row
MATCH (m)
WHERE elementId(m) = row.node
SET m.tallied = row.tallied
