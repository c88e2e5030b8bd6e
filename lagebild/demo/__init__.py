"""lagebild.demo"""
