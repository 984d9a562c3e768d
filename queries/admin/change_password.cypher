// The connected user's new password (runs on the `system` database; `malikg db password`).
// Parameters: $old, $new: the current and the new password.
ALTER CURRENT USER SET PASSWORD FROM $old TO $new
