BEGIN
{
	printf("%s\n", stringof(exit(0)));
}
