/* ++ on a void pointer: there is no size to step by. */
BEGIN
{
	this->p = alloca(8);
	this->p++;
}
