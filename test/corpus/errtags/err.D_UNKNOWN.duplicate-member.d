/* Two members of one struct cannot share a name. */
struct pair {
	int a;
	int a;
};

BEGIN
{
	exit(0);
}
