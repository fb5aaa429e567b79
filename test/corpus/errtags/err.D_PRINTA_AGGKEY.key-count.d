BEGIN
{
	@byzone["global"] = count();
	@bypair["global", 1] = count();
	printa(@byzone, @bypair);
	exit(0);
}
