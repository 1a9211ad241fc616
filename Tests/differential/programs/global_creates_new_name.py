def create():
    global created
    created = "yes"
create()
print(created)
