tick-1s
{
	stack(0);
	exit(0);
}
