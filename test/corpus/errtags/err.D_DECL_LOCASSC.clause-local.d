/* Clause-local variables live for one firing: they cannot be associative arrays. */
this int seen[int];

BEGIN
{
	exit(0);
}
