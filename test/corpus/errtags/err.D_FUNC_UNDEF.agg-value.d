tick-1s
{
	@calls[probename] = tally();
}
