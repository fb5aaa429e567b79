/* A lone void parameter says "no parameters": it cannot carry a name. */
int nothing_in(void unused);

BEGIN
{
	exit(0);
}
