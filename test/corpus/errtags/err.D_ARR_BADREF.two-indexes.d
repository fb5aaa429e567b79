/* A fixed-size array takes one index; a key list is for associative arrays. */
int slots[4];

BEGIN
{
	v = slots[1, 2];
	exit(0);
}
