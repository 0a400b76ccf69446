from salesroles.cli import main

main()
