BEGIN
{
	flag = 1;
	v = flag ? trace(1) : trace(2);
	exit(0);
}
