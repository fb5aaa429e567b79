BEGIN
{
	x = strlne("zone");
	exit(0);
}
