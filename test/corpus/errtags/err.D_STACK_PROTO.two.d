tick-1s
{
	stack(4, 8);
	exit(0);
}
