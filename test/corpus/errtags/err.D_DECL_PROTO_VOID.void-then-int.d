/* void in a parameter list must be the only parameter. */
int mixed(void, int);

BEGIN
{
	exit(0);
}
