/* NULL is the constant 0 of type int: four bytes, and it compares equal to a zero pointer. */
#pragma D option quiet

BEGIN
{
	p = (char *)0;
	printf("%d %d\n", sizeof (NULL), p == NULL);
	exit(0);
}
