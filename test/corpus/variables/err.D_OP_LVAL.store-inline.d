inline int limit = 40;

BEGIN
{
	limit = 41;
	exit(0);
}
