BEGIN
{
	v = (trace(1), 2);
	exit(0);
}
