/* A whole fixed-size array is not something one can assign to. */
int slots[4];

BEGIN
{
	slots = 1;
	exit(0);
}
