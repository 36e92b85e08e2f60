import JourneyCommandLine

// The commands on the file log. The service's executable (journey-serve) runs the same commands with more stores.
Journey.main()
