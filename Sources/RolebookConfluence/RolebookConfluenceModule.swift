/// Publishing the Confluence export to Confluence Cloud and Data Center.
public enum RolebookConfluenceModule {}
