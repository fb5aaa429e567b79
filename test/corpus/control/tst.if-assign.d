#pragma D option quiet
BEGIN
{
	s = "none";
	if (strlen("abc") == 3) {
		s = "three";
	}
	printf("%s\n", s);
	exit(0);
}
