BEGIN
{
	left -= 1;
	exit(0);
}
