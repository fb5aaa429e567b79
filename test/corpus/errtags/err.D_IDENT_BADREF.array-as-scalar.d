/* Once counts is an associative array, a bare counts is not a value. */
BEGIN
{
	counts[1] = 1;
	v = counts;
	exit(0);
}
