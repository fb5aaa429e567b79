/* A variable cannot be declared with type void. */
void nothing;

BEGIN
{
	exit(0);
}
