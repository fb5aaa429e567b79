/* A thread-local variable of type void is refused as a global one is. */
self void nothing;

BEGIN
{
	exit(0);
}
