BEGIN
{
	keep = 5;
	trunc(keep);
	exit(0);
}
