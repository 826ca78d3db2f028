import DossierCore
print("placeholder")
