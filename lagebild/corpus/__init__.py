"""lagebild.corpus"""
