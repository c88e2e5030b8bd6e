"""lagebild.eval"""
