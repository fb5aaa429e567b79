BEGIN
{
	@grid[1][2] = count();
	exit(0);
}
