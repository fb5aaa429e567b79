BEGIN
{
	x = 1 +
}
