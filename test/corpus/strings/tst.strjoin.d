#pragma D option quiet
BEGIN
{
	printf("[%s] [%s] [%s] [%s]\n", strjoin("foo", "bar"), strjoin("", "x"), strjoin("y", ""),
	    strjoin(strjoin("a", "b"), strjoin("c", "d")));
	exit(0);
}
