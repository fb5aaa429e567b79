/* A pointer to a function cannot be dereferenced. */
int (*callback)(int);

BEGIN
{
	v = *callback;
	exit(0);
}
